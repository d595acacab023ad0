import { lazy } from 'react'
import type { RouteObject } from 'react-router'

// The conversation pages (one page for both kinds), lazily loaded. The emails link to exactly these paths.
const ConversationPage = lazy(() => import('./ConversationPage'))

export const conversationRoutes: RouteObject[] = [
  { path: 'conversations/signup/:id', element: <ConversationPage about="signup" /> },
  { path: 'conversations/referral/:id', element: <ConversationPage about="referral" /> },
]
