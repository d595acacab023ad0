import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The resident pages (the offers, sign-ups, profile, suggestions and who looked), lazily loaded so the home
// page's bundle stays small.
const OffersPage = lazy(() => import('./OffersPage'))
const OfferDetailPage = lazy(() => import('./OfferDetailPage'))
const MyActivitiesPage = lazy(() => import('./MyActivitiesPage'))
const ProfilePage = lazy(() => import('./ProfilePage'))
const ForYouPage = lazy(() => import('./ForYouPage'))
const MyReferralsPage = lazy(() => import('./MyReferralsPage'))
const AccessLogPage = lazy(() => import('./AccessLogPage'))

export const residentRoutes: RouteObject[] = [
  { path: 'offers', element: <OffersPage /> },
  { path: 'offers/:id', element: <OfferDetailPage /> },
  { path: 'my-activities', element: <MyActivitiesPage /> },
  { path: 'profile', element: <ProfilePage /> },
  { path: 'for-you', element: <ForYouPage /> },
  { path: 'my-referrals', element: <MyReferralsPage /> },
  { path: 'access-log', element: <AccessLogPage /> },
]
