import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
}

/**
 * Renders an element inside a fresh query client and a memory router at `path` (with `state` as the location's
 * navigation state, as `navigate(path, { state })` leaves it).
 */
export function renderWithProviders(element: ReactElement, { path = '/', route = '*', state }: { path?: string; route?: string; state?: unknown } = {}) {
  const client = testQueryClient()
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[state === undefined ? path : { pathname: path, state }]}>
        <Routes>
          <Route path={route} element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

/** A JSON (or problem+json) response for a stubbed fetch. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}
