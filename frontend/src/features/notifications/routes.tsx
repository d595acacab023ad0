import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The notification settings (signed in) and the unsubscribe page of an email's link (no sign-in), lazily loaded.
const SettingsPage = lazy(() => import('./SettingsPage'))
const UnsubscribePage = lazy(() => import('./UnsubscribePage'))

export const notificationRoutes: RouteObject[] = [
  { path: 'settings/notifications', element: <SettingsPage /> },
  { path: 'unsubscribe/:token', element: <UnsubscribePage /> },
]
