import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The monitor, lazily loaded: its chart library (recharts) stays out of the other pages' bundles.
const MonitorPage = lazy(() => import('./MonitorPage'))

export const monitorRoutes: RouteObject[] = [
  { path: 'monitor', element: <MonitorPage /> },
  { path: 'monitor/:areaId', element: <MonitorPage /> },
]
