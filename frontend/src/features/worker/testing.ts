// Test helpers for the worker pages: the shared API stub with a worker's defaults, and demo-like data.
import { districtTree } from '../../test/fixtures'
import { jsonResponse } from '../../test/render'
import { stubApi, type Answer, type Call } from '../../test/stubApi'

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

/** The worker pages' defaults: the session (`me`), the tags, the districts and the worker's own districts. */
export function stubWorkerApi(answers: Record<string, Answer>, me: unknown = WORKER_ME): Call[] {
  return stubApi(answers, {
    'GET /api/v1/me': jsonResponse(me),
    'GET /api/v1/tags': jsonResponse({ items: TAGS }),
    'GET /api/v1/districts': jsonResponse({ items: districtTree }),
    'GET /api/v1/worker/districts': jsonResponse({ items: [{ id: 'a1', name: 'Emmen Noord' }] }),
  })
}
