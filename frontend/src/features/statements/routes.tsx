import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The statement pages, lazily loaded: checking a statement by its code (anyone, no sign-in). The PDF prints
// `{public_url}/verklaring/{code}`, so these paths are Dutch whatever the language. (Making and revoking a statement
// is a section of "Mijn deelname": StatementsSection.)
const VerifyStatementPage = lazy(() => import('./VerifyStatementPage'))

export const statementRoutes: RouteObject[] = [
  { path: 'verklaring', element: <VerifyStatementPage /> },
  { path: 'verklaring/:code', element: <VerifyStatementPage /> },
]
