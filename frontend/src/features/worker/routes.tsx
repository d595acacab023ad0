import type { RouteObject } from 'react-router'

// The worker pages, lazily loaded so the home page's bundle stays small.
export const workerRoutes: RouteObject[] = []
