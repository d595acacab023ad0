import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// An organisation's public page, lazily loaded so the home page's bundle stays small.
const PublicOrganisationPage = lazy(() => import('./PublicOrganisationPage'))

export const publicOrganisationRoutes: RouteObject[] = [{ path: 'organisaties/:id', element: <PublicOrganisationPage /> }]
