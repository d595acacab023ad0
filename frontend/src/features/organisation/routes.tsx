import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The organisation pages, lazily loaded so the home page's bundle stays small.
const OrganisationsPage = lazy(() => import('./OrganisationsPage'))
const OrganisationPage = lazy(() => import('./OrganisationPage'))
const NewOfferPage = lazy(() => import('./OfferFormPage').then((m) => ({ default: m.NewOfferPage })))
const EditOfferPage = lazy(() => import('./OfferFormPage').then((m) => ({ default: m.EditOfferPage })))
const SignupsPage = lazy(() => import('./SignupsPage'))

export const organisationRoutes: RouteObject[] = [
  { path: 'organisation', element: <OrganisationsPage /> },
  { path: 'organisation/offers/:offerId/edit', element: <EditOfferPage /> },
  { path: 'organisation/offers/:offerId/signups', element: <SignupsPage /> },
  { path: 'organisation/:id', element: <OrganisationPage /> },
  { path: 'organisation/:id/offers/new', element: <NewOfferPage /> },
]
