import type { DistrictNode, Me, Offer, Profile, Role, Site, Tag } from '../api/types'
import type { Routes } from './stubApi'

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: '01a21293-8713-72e5-a580-9c853e120158',
    organisation_id: '01a21292-db00-7604-80d1-b89546b6c59a',
    organisation_name: 'Sportvereniging Emmerhout',
    district_id: '01a21292-dafe-7476-9c57-2e738844abb8',
    district_name: 'Emmerhout',
    kind: 'day_activity',
    title: 'Walking football voor 60-plussers',
    description: 'Voetballen in wandeltempo.',
    address: 'Sportpark Emmerhout, Houtweg 2, Emmen',
    latitude: null,
    longitude: null,
    start_date: null,
    end_date: null,
    capacity: 14,
    free_places: 14,
    auto_accept: true,
    weekly_slots: [{ weekday: 2, start: '10:00', end: '11:30' }],
    sessions: [],
    skills: [],
    interests: ['sports'],
    goals: ['exercise'],
    access: ['wheelchair_accessible'],
    languages: ['nl'],
    guidance: 'light',
    dutch_level: 'A2',
    language_buddy: false,
    min_age: 60,
    companion_allowed: true,
    route: 'open',
    programme: null,
    status: 'published',
    created_at: '2026-11-25T11:59:47Z',
    updated_at: '2026-11-25T11:59:47Z',
    ...overrides,
  }
}

/** Jan Bewoner's saved profile (shared with workers), with `overrides` changed. */
export function residentProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    completed: true,
    district_id: 'd1',
    district_name: 'Emmerhout',
    birth_year: 1968,
    skills: ['gardening'],
    interests: [],
    goals: [],
    languages: ['nl'],
    access_needs: [],
    guidance_needed: 'light',
    dutch_level: 'B2',
    availability: [{ weekday: 2, start: '08:00', end: '12:00' }],
    max_travel: 'own_area',
    share_with_workers: true,
    share_email: false,
    share_phone: false,
    phone: null,
    ...overrides,
  }
}

/** GET /site as the demo configures Emmen, with `municipality` and `map` overriding (no map tiles by default). */
export function site(municipality: Partial<Site['municipality']> = {}, map: Partial<Site['map']> = {}): Site {
  return {
    municipality: {
      name: 'Gemeente Emmen',
      theme: 'emmen',
      logo_url: '/themes/emmen/logo.svg',
      contact_email: 'meedoen@emmen.nl',
      contact_phone: '14 0591',
      website: 'https://gemeente.emmen.nl',
      privacy_statement: null,
      accessibility_statement: null,
      ...municipality,
    },
    map: { tile_url: null, attribution: '', ...map },
  }
}

export const districtTree: DistrictNode[] = [
  {
    id: 'm1',
    parent_id: null,
    kind: 'municipality',
    name: 'Emmen',
    code: 'GM0114',
    retired: false,
    children: [
      {
        id: 'a1',
        parent_id: 'm1',
        kind: 'area',
        name: 'Emmen Noord',
        code: null,
        retired: false,
        children: [{ id: 'd1', parent_id: 'a1', kind: 'district', name: 'Emmerhout', code: null, retired: false, children: [] }],
      },
    ],
  },
]

/** The demo tree plus a retired district, as the admin pages see it. */
const adminTree: DistrictNode[] = structuredClone(districtTree)
adminTree[0]!.children[0]!.children.push({ id: 'd2', parent_id: 'a1', kind: 'district', name: 'Oud Emmen', code: null, retired: true, children: [] })

/** The signed-in user (GET /api/v1/me): a resident, unless `overrides` says more. */
export function session(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    email: 'kees@example.nl',
    display_name: 'Kees',
    locale: 'nl',
    roles: ['resident'],
    email_verified: true,
    organisations: [],
    ...overrides,
  }
}

const ADMIN_SESSION = session({ email: 'admin@demo.meedoen.nl', display_name: 'Annemiek (gemeente)', roles: ['resident', 'admin'] })
export const WORKER_SESSION = session({ id: 'w1', email: 'wijkwerker@demo.meedoen.nl', display_name: 'Fatma (wijkwerker)', roles: ['resident', 'worker'] })

export const TAGS: Tag[] = [
  { id: 't1', kind: 'skill', key: 'gardening', label_nl: 'Tuinieren', label_en: 'Gardening', retired: false },
  { id: 't2', kind: 'interest', key: 'nature', label_nl: 'Natuur', label_en: 'Nature', retired: false },
  { id: 't3', kind: 'goal', key: 'daily_structure', label_nl: 'Ritme in de week', label_en: 'Rhythm in the week', retired: false },
  { id: 't4', kind: 'access', key: 'wheelchair_accessible', label_nl: 'Rolstoeltoegankelijk', label_en: 'Wheelchair accessible', retired: false },
  { id: 't5', kind: 'language', key: 'nl', label_nl: 'Nederlands', label_en: 'Dutch', retired: false },
]

/** The admin pages' usual answers for stubApi: the session (an admin unless `roles` says otherwise) and the tree. */
export function adminRoutes(roles: Role[] = ['resident', 'admin']): Routes {
  return { 'GET /api/v1/me': { ...ADMIN_SESSION, roles }, 'GET /api/v1/districts': { items: adminTree } }
}

/** The worker pages' usual answers for stubApi: the session, the tags, the districts and the worker's own districts. */
export function workerRoutes(me: Me = WORKER_SESSION): Routes {
  return {
    'GET /api/v1/me': me,
    'GET /api/v1/tags': { items: TAGS },
    'GET /api/v1/districts': { items: districtTree },
    'GET /api/v1/worker/districts': { items: [{ id: 'a1', name: 'Emmen Noord' }] },
  }
}
