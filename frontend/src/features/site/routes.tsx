import { lazy } from 'react'
import type { RouteObject } from 'react-router'

const StatementPage = lazy(() => import('./statements/StatementPage'))

// The statement pages of the municipality's face (the footer links to them), lazily loaded.
export const siteRoutes: RouteObject[] = [
  { path: 'privacy', element: <StatementPage kind="privacy" /> },
  { path: 'toegankelijkheid', element: <StatementPage kind="accessibility" /> },
]
