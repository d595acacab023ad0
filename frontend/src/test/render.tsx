import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
}

/**
 * Renders an element inside a fresh query client and a memory router at `path` (with `state` as the location's
 * navigation state, as `navigate(path, { state })` leaves it); returns the router too, to see where a link went. It
 * is a data router, as the app's is (createBrowserRouter), so that hooks which need one (useBlocker) work.
 */
export function renderWithProviders(element: ReactElement, { path = '/', route = '*', state }: { path?: string; route?: string; state?: unknown } = {}) {
  const client = testQueryClient()
  // Any other path (a link followed out of the page) shows nothing, rather than the router's 404 page.
  const routes = route === '*' ? [{ path: route, element }] : [{ path: route, element }, { path: '*', element: null }]
  const router = createMemoryRouter(routes, { initialEntries: [state === undefined ? path : { pathname: path, state }] })
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...view, router }
}

/** A JSON (or problem+json) response for a stubbed fetch. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}
