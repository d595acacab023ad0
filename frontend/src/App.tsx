import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy } from 'react'
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router'
import { Layout } from './components/Layout'
import { HomePage } from './pages/HomePage'
import { adminRoutes } from './features/admin/routes'
import { organisationRoutes } from './features/organisation/routes'
import { workerRoutes } from './features/worker/routes'

const OffersPage = lazy(() => import('./pages/OffersPage'))
const OfferDetailPage = lazy(() => import('./pages/OfferDetailPage'))
const LoginPage = lazy(() => import('./pages/LoginPage'))
const RegisterPage = lazy(() => import('./pages/RegisterPage'))
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage'))
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'))
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'))
const MyActivitiesPage = lazy(() => import('./pages/MyActivitiesPage'))
const ProfilePage = lazy(() => import('./pages/ProfilePage'))
const ForYouPage = lazy(() => import('./pages/ForYouPage'))
const MyReferralsPage = lazy(() => import('./pages/MyReferralsPage'))
const AccessLogPage = lazy(() => import('./pages/AccessLogPage'))
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'))

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'offers', element: <OffersPage /> },
      { path: 'offers/:id', element: <OfferDetailPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'my-activities', element: <MyActivitiesPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'for-you', element: <ForYouPage /> },
      { path: 'my-referrals', element: <MyReferralsPage /> },
      { path: 'access-log', element: <AccessLogPage /> },
      ...organisationRoutes,
      ...workerRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
    },
  })
}

const router = createBrowserRouter(routes)
const queryClient = makeQueryClient()

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  )
}
