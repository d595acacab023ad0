// The offer form's state and its conversion to the API's request bodies.
import type { DutchLevel, Guidance, Offer, OfferKind } from '../../api/types'
import type { CreateOfferRequest, DatedSession, Route, UpdateOfferRequest } from './types'

export interface SlotDraft {
  key: number
  weekday: string
  start: string
  end: string
}

export interface SessionDraft {
  key: number
  date: string
  start: string
  end: string
}

export interface OfferDraft {
  district_id: string
  kind: OfferKind | ''
  title: string
  description: string
  address: string
  capacity: string
  auto_accept: boolean
  start_date: string
  end_date: string
  weekly_slots: SlotDraft[]
  sessions: SessionDraft[]
  skills: string[]
  interests: string[]
  goals: string[]
  access: string[]
  languages: string[]
  guidance: Guidance
  dutch_level: DutchLevel
  language_buddy: boolean
  min_age: string
  companion_allowed: boolean
  route: Route
  programme: string
}

let nextKey = 1
/** A key for a new row, so React keeps each row's inputs apart when rows are removed. */
export function rowKey(): number {
  return nextKey++
}

export function emptyDraft(): OfferDraft {
  return {
    district_id: '',
    kind: '',
    title: '',
    description: '',
    address: '',
    capacity: '',
    auto_accept: false,
    start_date: '',
    end_date: '',
    weekly_slots: [],
    sessions: [],
    skills: [],
    interests: [],
    goals: [],
    access: [],
    languages: [],
    guidance: 'none',
    dutch_level: 'none',
    language_buddy: false,
    min_age: '',
    companion_allowed: false,
    route: 'open',
    programme: '',
  }
}

const AMSTERDAM = 'Europe/Amsterdam'

/** "2027-03-01T09:00:00Z" → { date: '2027-03-01', time: '10:00' } in Dutch local time. */
export function localParts(iso: string): { date: string; time: string } {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return { date: '', time: '' }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: AMSTERDAM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

/** A Dutch local date and time as a UTC instant (RFC 3339); undefined when it is not a real date and time. */
export function toUtc(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined
  const guess = new Date(`${date}T${time}:00Z`)
  if (Number.isNaN(guess.getTime())) return undefined
  // The offset of Amsterdam at that moment (one or two hours), found by formatting the guess there.
  const shown = localParts(guess.toISOString())
  const shownAsUtc = new Date(`${shown.date}T${shown.time}:00Z`).getTime()
  const offset = shownAsUtc - guess.getTime()
  return new Date(guess.getTime() - offset).toISOString().replace('.000Z', 'Z')
}

export function fromOffer(offer: Offer): OfferDraft {
  return {
    district_id: offer.district_id,
    kind: offer.kind,
    title: offer.title,
    description: offer.description,
    address: offer.address,
    capacity: String(offer.capacity),
    auto_accept: offer.auto_accept,
    start_date: offer.start_date ?? '',
    end_date: offer.end_date ?? '',
    weekly_slots: [...offer.weekly_slots]
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
      .map((s) => ({ key: rowKey(), weekday: String(s.weekday), start: s.start, end: s.end })),
    sessions: offer.sessions.map((s) => {
      const start = localParts(s.starts_at)
      return { key: rowKey(), date: start.date, start: start.time, end: localParts(s.ends_at).time }
    }),
    skills: [...offer.skills],
    interests: [...offer.interests],
    goals: [...offer.goals],
    access: [...offer.access],
    languages: [...offer.languages],
    guidance: offer.guidance,
    dutch_level: offer.dutch_level,
    language_buddy: offer.language_buddy,
    min_age: offer.min_age != null ? String(offer.min_age) : '',
    companion_allowed: offer.companion_allowed,
    route: offer.route,
    programme: offer.programme ?? '',
  }
}

/** A whole number (localErrors has checked the typed ones before sending; a weekday comes from a select). */
function whole(raw: string): number {
  return Number(raw.trim())
}

function sessions(rows: readonly SessionDraft[]): DatedSession[] {
  return rows.map((s) => ({
    // A date or time that is not filled in goes as it is, so the server names the field.
    starts_at: toUtc(s.date, s.start) ?? `${s.date}T${s.start}`,
    ends_at: toUtc(s.date, s.end) ?? `${s.date}T${s.end}`,
  }))
}

/** The fields both the create and the change request carry. */
function body(d: OfferDraft) {
  // localErrors asks for a kind before anything is sent.
  if (!d.kind) throw new Error('The offer has no kind yet (localErrors checks this before sending).')
  return {
    district_id: d.district_id,
    kind: d.kind,
    title: d.title,
    description: d.description,
    address: d.address,
    capacity: whole(d.capacity),
    auto_accept: d.auto_accept,
    start_date: d.start_date || null,
    end_date: d.end_date || null,
    weekly_slots: d.weekly_slots.map((s) => ({ weekday: whole(s.weekday), start: s.start, end: s.end })),
    sessions: sessions(d.sessions),
    skills: d.skills,
    interests: d.interests,
    goals: d.goals,
    access: d.access,
    languages: d.languages,
    guidance: d.guidance,
    dutch_level: d.dutch_level,
    language_buddy: d.language_buddy,
    min_age: d.min_age.trim() === '' ? null : whole(d.min_age),
    companion_allowed: d.companion_allowed,
    route: d.route,
    programme: d.programme.trim() || null,
  }
}

export function toCreate(organisationId: string, d: OfferDraft): CreateOfferRequest {
  return { organisation_id: organisationId, ...body(d) }
}

export function toUpdate(d: OfferDraft): UpdateOfferRequest {
  return body(d)
}

/** The limits the server checks (CreateOfferRequest in openapi.json and the offers service). */
const OFFER_LIMITS = { titleMin: 3, titleMax: 120, description: 5000, address: 200, programme: 120, capacity: [1, 1000], minAge: [0, 120] } as const

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** A whole number within [min, max]: the code of what is wrong with it, or undefined. */
function wholeIn(raw: string, [min, max]: readonly [number, number], required: boolean): string | undefined {
  const text = raw.trim()
  if (text === '') return required ? 'required' : undefined
  if (!/^\d+$/.test(text)) return 'not_a_number'
  const n = Number(text)
  return n < min || n > max ? 'out_of_range' : undefined
}

/**
 * Every check that can be made before sending, all at once: each required field (title 3 to 120 characters, a
 * description, a kind, a district, 1 to 1000 places), numbers that are no numbers, weekly times and dated
 * sessions that are not complete or end before they start, and a last day before the first. The server checks
 * all of it again (and what only it knows: the districts served, the tags); without these, a missing kind or a
 * number that is no number would make the whole request unreadable for it and it would name only that field.
 */
export function localErrors(d: OfferDraft): Record<string, string> {
  // In the order of the form, as the error summary lists them.
  const out: Record<string, string> = {}
  // Characters as the server counts them (code points, not UTF-16 units).
  const chars = (text: string) => [...text].length
  const title = d.title.trim()
  if (title === '') out.title = 'required'
  else if (chars(title) < OFFER_LIMITS.titleMin || chars(title) > OFFER_LIMITS.titleMax) out.title = 'title_length'
  if (!d.kind) out.kind = 'required'
  const description = d.description.trim()
  if (description === '') out.description = 'required'
  else if (chars(description) > OFFER_LIMITS.description) out.description = 'too_long'
  if (chars(d.programme.trim()) > OFFER_LIMITS.programme) out.programme = 'too_long'
  if (!d.district_id) out.district_id = 'required'
  if (chars(d.address.trim()) > OFFER_LIMITS.address) out.address = 'too_long'
  const capacity = wholeIn(d.capacity, OFFER_LIMITS.capacity, true)
  if (capacity) out.capacity = capacity
  if (d.start_date && d.end_date && d.end_date < d.start_date) out.end_date = 'before_start'
  d.weekly_slots.forEach((s, i) => {
    if (!TIME.test(s.start) || !TIME.test(s.end) || s.end <= s.start) out[`weekly_slots[${i}]`] = 'invalid_slot'
  })
  d.sessions.forEach((s, i) => {
    const start = toUtc(s.date, s.start)
    const end = toUtc(s.date, s.end)
    if (!start || !end || end <= start) out[`sessions[${i}]`] = 'invalid_session'
  })
  const minAge = wholeIn(d.min_age, OFFER_LIMITS.minAge, false)
  if (minAge) out.min_age = minAge
  return out
}

/** Clearer codes for a few of the server's general ones, knowing what was filled in. */
export function refineErrors(fields: Record<string, string>, d: OfferDraft): Record<string, string> {
  const out = { ...fields }
  if (out.district_id && !d.district_id) out.district_id = 'required'
  if (out.title === 'invalid') out.title = d.title.trim() === '' ? 'required' : 'title_length'
  if (out.description === 'invalid') out.description = d.description.trim() === '' ? 'required' : 'too_long'
  return out
}
