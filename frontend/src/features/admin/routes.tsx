import type { RouteObject } from 'react-router'

// The admin pages, lazily loaded so the home page's bundle stays small.
export const adminRoutes: RouteObject[] = []
