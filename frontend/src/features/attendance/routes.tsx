import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The attendance pages, lazily loaded: an occurrence's register and an offer's attendance (organisation members),
// and my participation (residents).
const RegisterPage = lazy(() => import('./RegisterPage'))
const OfferAttendancePage = lazy(() => import('./OfferAttendancePage'))
const MyParticipationPage = lazy(() => import('./MyParticipationPage'))

export const attendanceRoutes: RouteObject[] = [
  { path: 'organisation/occurrences/:occurrenceId/attendance', element: <RegisterPage /> },
  { path: 'organisation/offers/:offerId/attendance', element: <OfferAttendancePage /> },
  { path: 'my-participation', element: <MyParticipationPage /> },
]
