// Test helpers for the worker pages: a stubbed API by method and path, and demo-like data.
import { vi } from 'vitest'
import { jsonResponse } from '../../test/render'
import { districtTree } from '../../test/fixtures'

export interface Call {
  method: string
  path: string
  search: string
  body: unknown
}

type Answer = Response | ((call: Call) => Response)

export const WORKER_ME = {
  id: 'w1',
  email: 'wijkwerker@demo.meedoen.nl',
  display_name: 'Fatma (wijkwerker)',
  locale: 'nl',
  roles: ['resident', 'worker'],
  email_verified: true,
  organisations: [],
}

export const TAGS = [
  { kind: 'skill', key: 'gardening', label_nl: 'Tuinieren', label_en: 'Gardening' },
  { kind: 'interest', key: 'nature', label_nl: 'Natuur', label_en: 'Nature' },
  { kind: 'goal', key: 'daily_structure', label_nl: 'Ritme in de week', label_en: 'Rhythm in the week' },
  { kind: 'access', key: 'wheelchair_accessible', label_nl: 'Rolstoeltoegankelijk', label_en: 'Wheelchair accessible' },
  { kind: 'language', key: 'nl', label_nl: 'Nederlands', label_en: 'Dutch' },
]

/**
 * Stubs fetch: `answers` maps "METHOD /path" to a response; /me, /tags, /districts and /worker/districts have
 * defaults. Returns the calls other than those defaults.
 */
export function stubApi(answers: Record<string, Answer>, me: unknown = WORKER_ME) {
  const calls: Call[] = []
  const defaults: Record<string, Answer> = {
    'GET /api/v1/me': jsonResponse(me),
    'GET /api/v1/tags': jsonResponse({ items: TAGS }),
    'GET /api/v1/districts': jsonResponse({ items: districtTree }),
    'GET /api/v1/worker/districts': jsonResponse({ items: [{ id: 'a1', name: 'Emmen Noord' }] }),
  }
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url)
      const key = `${req.method} ${url.pathname}`
      const text = req.method === 'GET' ? '' : await req.text()
      const call: Call = { method: req.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined }
      const own = answers[key]
      if (own === undefined && defaults[key] !== undefined) {
        const d = defaults[key]
        return typeof d === 'function' ? d(call) : d.clone()
      }
      calls.push(call)
      if (own === undefined) return jsonResponse({ code: 'not_found', status: 404 }, 404, 'application/problem+json')
      return typeof own === 'function' ? own(call) : own.clone()
    }),
  )
  return calls
}

export function problem(status: number, code: string, errors: { field: string; code: string }[] = []): Response {
  return jsonResponse({ type: 'about:blank', title: 'x', status, code, errors }, status, 'application/problem+json')
}
