// A stubbed API for the admin pages' component tests: answers by "METHOD /path" and records the calls.
import { vi } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree } from '../../test/fixtures'
import { jsonResponse } from '../../test/render'

export const me = (roles: string[]) => ({
  id: 'u1',
  email: 'admin@demo.meedoen.nl',
  display_name: 'Annemiek (gemeente)',
  locale: 'nl',
  email_verified: true,
  roles,
  organisations: [],
})

/** The demo tree plus a retired district. */
export const adminTree = structuredClone(districtTree)
adminTree[0]!.children[0]!.children.push({ id: 'd2', parent_id: 'a1', kind: 'district', name: 'Oud Emmen', code: null, retired: true, children: [] })

export function problem(status: number, code: string, errors?: { field: string; code: string }[]): Response {
  return jsonResponse(
    { type: 'about:blank', title: 'x', status, detail: 'x', code, errors: errors?.map((e) => ({ ...e, message: 'x' })) },
    status,
    'application/problem+json',
  )
}

export interface Call {
  method: string
  path: string
  search: string
  body: unknown
}

/** Signs in (as admin unless `roles` says otherwise) and answers requests from `routes`; GETs are recorded too. */
export function stubAdminApi(routes: Record<string, (call: Call) => Response>, roles = ['resident', 'admin']): Call[] {
  setTokens({ access: 'a', refresh: 'r' })
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url)
      const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text()
      const call = { method: req.method, path: url.pathname, search: url.search, body: text ? (JSON.parse(text) as unknown) : undefined }
      if (url.pathname === '/api/v1/me') return jsonResponse(me(roles))
      calls.push(call)
      const route = routes[`${req.method} ${url.pathname}`]
      if (route) return route(call)
      if (url.pathname === '/api/v1/districts') return jsonResponse({ items: adminTree })
      return problem(404, 'not_found')
    }),
  )
  return calls
}
