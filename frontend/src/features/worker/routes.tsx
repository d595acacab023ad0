import { lazy } from 'react'
import type { RouteObject } from 'react-router'

const WorkerHomePage = lazy(() => import('./WorkerHomePage'))
const ResidentsPage = lazy(() => import('./ResidentsPage'))
const ResidentPage = lazy(() => import('./ResidentPage'))
const AssignmentsPage = lazy(() => import('./AssignmentsPage'))
const ReferralsPage = lazy(() => import('./ReferralsPage'))

// The worker pages, lazily loaded so the home page's bundle stays small.
export const workerRoutes: RouteObject[] = [
  { path: 'worker', element: <WorkerHomePage /> },
  { path: 'worker/residents', element: <ResidentsPage /> },
  { path: 'worker/residents/:id', element: <ResidentPage /> },
  { path: 'worker/assignments', element: <AssignmentsPage /> },
  { path: 'worker/referrals', element: <ReferralsPage /> },
]
