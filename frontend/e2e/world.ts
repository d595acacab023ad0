// The test worlds the specs make through the API with unique names (Date.now()), so a retry or another spec never
// meets them: a fresh offer of the demo organisation (Sportvereniging Emmerhout), a fresh verified resident and,
// when asked, that resident's sign-up on the offer. Each spec file makes its worlds with `worldMaker`, which closes
// their offers after each test, so they leave the public lists other specs count.
import type { APIRequestContext } from '@playwright/test'
import { apiLogin, DEMO_ORGANISER, expect, test } from './fixtures'
import { extractLink, waitForMail } from './mail'

export const ORGANISATION = 'Sportvereniging Emmerhout'
export const PASSWORD = 'vier losse woorden samen'
export const DAY_MS = 24 * 60 * 60 * 1000

export interface Account {
  email: string
  password: string
  name: string
}

/** The Authorization header of someone signed in through the API (a type, so it passes as any headers object). */
export type Auth = { Authorization: string }

export interface WeeklySlot {
  weekday: number
  start: string
  end: string
}

export interface Session {
  starts_at: string
  ends_at: string
}

/** The fields of a new offer the specs choose; everything else is the same for every test offer. */
export interface OfferFields {
  kind: 'volunteer_work' | 'urban_farming' | 'day_activity' | 'course'
  description: string
  capacity: number
  auto_accept: boolean
  language_buddy: boolean
  companion_allowed: boolean
  weekly_slots: WeeklySlot[]
  sessions: Session[]
}

const OFFER_DEFAULTS: OfferFields = {
  kind: 'day_activity',
  description: 'Gemaakt door de end-to-end-test.',
  capacity: 5,
  auto_accept: true,
  language_buddy: false,
  companion_allowed: true,
  weekly_slots: [],
  sessions: [],
}

export interface TestOffer {
  offerId: string
  title: string
  /** The demo organiser, signed in through the API. */
  organiser: Auth
  /** Closes the offer, so it leaves the public lists other specs count. */
  close: () => Promise<void>
}

/** The demo organiser signed in through the API. */
export async function organiserAuth(request: APIRequestContext): Promise<Auth> {
  return { Authorization: `Bearer ${await apiLogin(request, DEMO_ORGANISER)}` }
}

/**
 * A fresh, published offer of Sportvereniging Emmerhout titled `title`, in a district the organisation serves (not
 * Emmerhout, whose offers offers.spec counts), through the API.
 */
export async function createOffer(request: APIRequestContext, title: string, fields: Partial<OfferFields> = {}): Promise<TestOffer> {
  const organiser = await organiserAuth(request)
  const me = (await (await request.get('/api/v1/me', { headers: organiser })).json()) as { organisations: { id: string; name: string }[] }
  const organisationId = me.organisations.find((o) => o.name === ORGANISATION)?.id
  expect(organisationId, `${DEMO_ORGANISER.email} belongs to ${ORGANISATION}`).toBeTruthy()
  // A district the organisation serves, from one of its published offers; not Emmerhout, whose offers offers.spec counts.
  const published = (await (await request.get(`/api/v1/offers?organisation=${organisationId}`)).json()) as {
    items: { district_id: string; district_name: string }[]
  }
  const districtId = published.items.find((o) => o.district_name !== 'Emmerhout')?.district_id
  expect(districtId, `${ORGANISATION} has a published offer outside Emmerhout`).toBeTruthy()

  const created = await request.post('/api/v1/offers', {
    headers: organiser,
    data: {
      ...OFFER_DEFAULTS,
      ...fields,
      organisation_id: organisationId,
      district_id: districtId,
      title,
      address: 'Sportpark Emmerhout, Houtweg 2, Emmen',
      latitude: null,
      longitude: null,
      start_date: null,
      end_date: null,
      guidance: 'light',
      dutch_level: 'A2',
      min_age: null,
      route: 'open',
      programme: null,
      skills: [],
      interests: [],
      goals: [],
      access: [],
      languages: [],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const offerId = ((await created.json()) as { id: string }).id
  const publish = await request.post(`/api/v1/offers/${offerId}/publish`, { headers: organiser })
  expect(publish.ok(), await publish.text()).toBeTruthy()
  const close = async () => {
    const closed = await request.post(`/api/v1/offers/${offerId}/close`, { headers: organiser })
    expect(closed.ok(), await closed.text()).toBeTruthy()
  }
  return { offerId, title, organiser, close }
}

/**
 * A fresh resident with a confirmed email address, through the API: `e2e-<label>-<stamp>@example.org`, called
 * `<name> <stamp>`.
 */
export async function registerResident(request: APIRequestContext, stamp: number, label: string, name: string): Promise<Account> {
  const resident = { email: `e2e-${label}-${stamp}@example.org`, password: PASSWORD, name: `${name} ${stamp}` }
  const reg = await request.post('/api/v1/auth/register', {
    data: { email: resident.email, password: resident.password, display_name: resident.name, locale: 'nl' },
  })
  expect(reg.ok(), await reg.text()).toBeTruthy()
  const token = new URL(extractLink(await waitForMail(resident.email), '/verify-email'), 'http://x').searchParams.get('token')
  const verified = await request.post('/api/v1/auth/verify-email', { data: { token } })
  expect(verified.ok(), await verified.text()).toBeTruthy()
  return resident
}

export interface WorldOptions {
  /** The offer's title before the stamp: `<title> <stamp>`. */
  title: string
  /** The resident's address (`e2e-<label>-<stamp>@example.org`) and name (`<name> <stamp>`). */
  resident: { label: string; name: string }
  /** The offer's own fields (the rest is the same for every test offer). */
  offer?: Partial<OfferFields>
  /** The status the resident's sign-up must get (`accepted` or `pending`); `none`: the resident does not sign up. */
  signUp?: 'accepted' | 'pending' | 'none'
}

export interface World extends TestOffer {
  stamp: number
  resident: Account
  /** The resident's sign-up on the offer; null when the world was made without one. */
  signupId: string | null
}

/** A fresh offer and a fresh, verified resident, who signs up unless told not to; all through the API. */
export async function makeWorld(request: APIRequestContext, options: WorldOptions): Promise<World> {
  const stamp = Date.now()
  const offer = await createOffer(request, `${options.title} ${stamp}`, options.offer)
  const resident = await registerResident(request, stamp, options.resident.label, options.resident.name)
  const expected = options.signUp ?? 'accepted'
  let signupId: string | null = null
  if (expected !== 'none') {
    const signup = await request.post(`/api/v1/offers/${offer.offerId}/signups`, {
      headers: { Authorization: `Bearer ${await apiLogin(request, resident)}` },
      data: {},
    })
    expect(signup.status(), await signup.text()).toBe(201)
    const answer = (await signup.json()) as { id: string; status: string }
    expect(answer.status).toBe(expected)
    signupId = answer.id
  }
  return { ...offer, stamp, resident, signupId }
}

/**
 * Call at the top of a spec file: a `makeWorld` with this file's options (`overrides` per call: a call's `offer`
 * fields go over the file's), whose offers are closed after each test of the file.
 */
export function worldMaker(options: WorldOptions): (request: APIRequestContext, overrides?: Partial<WorldOptions>) => Promise<World> {
  const made: World[] = []
  test.afterEach(async () => {
    for (const world of made.splice(0)) await world.close()
  })
  return async (request, overrides = {}) => {
    const world = await makeWorld(request, { ...options, ...overrides, offer: { ...options.offer, ...overrides.offer } })
    made.push(world)
    return world
  }
}
