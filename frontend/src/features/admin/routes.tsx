import { lazy } from 'react'
import type { RouteObject } from 'react-router'

const AdminHomePage = lazy(() => import('./AdminHomePage'))
const DistrictsPage = lazy(() => import('./DistrictsPage'))
const TagsPage = lazy(() => import('./TagsPage'))
const OrganisationsPage = lazy(() => import('./OrganisationsPage'))
const WorkersPage = lazy(() => import('./WorkersPage'))

// The admin pages, lazily loaded so the home page's bundle stays small.
export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: <AdminHomePage /> },
  { path: 'admin/districts', element: <DistrictsPage /> },
  { path: 'admin/tags', element: <TagsPage /> },
  { path: 'admin/organisations', element: <OrganisationsPage /> },
  { path: 'admin/workers', element: <WorkersPage /> },
]
