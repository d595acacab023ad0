// The one stubbed API of the component tests: answers fetch by "METHOD /path" and records the calls.
import { vi } from 'vitest'
import { jsonResponse } from './render'

export interface Call {
  method: string
  path: string
  /** The query string, `?` included (empty without one). */
  search: string
  body: unknown
  /** The Authorization header ('' without one). */
  authorization: string
  credentials: RequestCredentials
}

/**
 * How a route answers: a Response (cloned, so it can answer again), a function of the call (undefined gives an
 * empty 200), or anything else, sent as JSON.
 */
export type Answer = Response | ((call: Call) => Response | undefined | Promise<Response>) | object

export type Routes = Readonly<Record<string, Answer>>

/**
 * Stubs fetch: `routes` first, then `defaults` (a role's usual answers, see fixtures.ts), map "METHOD /path" to an
 * answer; anything else gets a 404 not_found problem. Every call but the session's GET /api/v1/me is recorded in
 * the returned list.
 */
export function stubApi(routes: Routes, defaults: Routes = {}): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url)
      const key = `${req.method} ${url.pathname}`
      const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text()
      const body: unknown = text ? JSON.parse(text) : undefined
      const call: Call = {
        method: req.method,
        path: url.pathname,
        search: url.search,
        body,
        authorization: req.headers.get('Authorization') ?? '',
        credentials: req.credentials,
      }
      if (key !== 'GET /api/v1/me') calls.push(call)
      const answer = Object.hasOwn(routes, key) ? routes[key] : Object.hasOwn(defaults, key) ? defaults[key] : undefined
      if (answer === undefined) return problem(404, 'not_found')
      if (answer instanceof Response) return answer.clone()
      if (typeof answer === 'function') return (await answer(call)) ?? jsonResponse({})
      return jsonResponse(answer)
    }),
  )
  return calls
}

/** A problem+json error response with a top-level code and, for a 422, field codes. */
export function problem(status: number, code: string, errors?: { field: string; code: string }[]): Response {
  return jsonResponse(
    { type: 'about:blank', title: 'x', status, detail: 'x', code, errors: errors?.map((e) => ({ ...e, message: 'x' })) },
    status,
    'application/problem+json',
  )
}
