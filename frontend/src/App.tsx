import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy } from 'react'
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router'
import { Layout } from './components/Layout'
import { HomePage } from './pages/HomePage'
import { adminRoutes } from './features/admin/routes'
import { attendanceRoutes } from './features/attendance/routes'
import { conversationRoutes } from './features/conversations/routes'
import { followUpRoutes } from './features/follow-ups/routes'
import { monitorRoutes } from './features/monitor/routes'
import { notificationRoutes } from './features/notifications/routes'
import { organisationRoutes } from './features/organisation/routes'
import { programmeRoutes } from './features/programme/routes'
import { publicOrganisationRoutes } from './features/public-organisation/routes'
import { residentRoutes } from './features/resident/routes'
import { siteRoutes } from './features/site/routes'
import { statementRoutes } from './features/statements/routes'
import { workerRoutes } from './features/worker/routes'

const LoginPage = lazy(() => import('./pages/LoginPage'))
const RegisterPage = lazy(() => import('./pages/RegisterPage'))
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage'))
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'))
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'))
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'))

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      ...residentRoutes,
      ...organisationRoutes,
      ...workerRoutes,
      ...followUpRoutes,
      ...adminRoutes,
      ...conversationRoutes,
      ...attendanceRoutes,
      ...notificationRoutes,
      ...publicOrganisationRoutes,
      ...siteRoutes,
      ...programmeRoutes,
      ...statementRoutes,
      ...monitorRoutes,
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
