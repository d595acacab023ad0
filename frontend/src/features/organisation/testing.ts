// Helpers for the organisation pages' component tests: a stubbed API that answers by method and path.
import { vi } from 'vitest'
import { jsonResponse } from '../../test/render'

export interface Call {
  method: string
  path: string
  body: unknown
}

type Answer = (call: Call) => Response | undefined

/** Stubs fetch: `routes` maps "METHOD /path" to a response (or a function giving one); every call is recorded. */
export function stubApi(routes: Record<string, Response | unknown | Answer>): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url)
      const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text()
      const call = { method: req.method, path: url.pathname, body: text ? (JSON.parse(text) as unknown) : undefined }
      calls.push(call)
      const route = routes[`${req.method} ${url.pathname}`]
      if (route === undefined) return jsonResponse({ code: 'not_found', status: 404 }, 404, 'application/problem+json')
      if (typeof route === 'function') return (route as Answer)(call) ?? jsonResponse({}, 200)
      if (route instanceof Response) return route.clone()
      return jsonResponse(route)
    }),
  )
  return calls
}

export function problem(status: number, code: string, errors?: { field: string; code: string }[]): Response {
  return jsonResponse(
    { type: 'about:blank', title: 'x', status, detail: 'x', code, errors: errors?.map((e) => ({ ...e, message: 'x' })) },
    status,
    'application/problem+json',
  )
}

export const me = (organisations: { id: string; name: string; role: 'owner' | 'member'; status: 'pending' | 'verified' | 'rejected' }[]) => ({
  id: 'u1',
  email: 'kees@example.nl',
  display_name: 'Kees',
  locale: 'nl',
  roles: ['resident'],
  email_verified: true,
  organisations,
})
