import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The follow-up pages, lazily loaded: the worker's follow-ups.
const FollowUpsPage = lazy(() => import('./FollowUpsPage'))

export const followUpRoutes: RouteObject[] = [{ path: 'worker/follow-ups', element: <FollowUpsPage /> }]
