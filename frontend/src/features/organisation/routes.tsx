import type { RouteObject } from 'react-router'

// The organisation pages, lazily loaded so the home page's bundle stays small.
export const organisationRoutes: RouteObject[] = []
