import { lazy } from 'react'
import type { RouteObject } from 'react-router'

const ProgrammePage = lazy(() => import('./ProgrammePage'))

// The programme on paper, open to everyone (the footer links to it), lazily loaded.
export const programmeRoutes: RouteObject[] = [{ path: 'programma', element: <ProgrammePage /> }]
