// The resident pages' API calls (offers, sign-ups, profile, recommendations, referrals, access log) and their
// query keys, on the typed client like src/api/endpoints.ts.
import { client } from '../../api/client'
import { expectOk, unwrap } from '../../api/errors'
import type {
  AccessLogPage,
  CalendarFeed,
  LeftOut,
  MyReferral,
  MySignupPage,
  Occurrence,
  OfferKind,
  OfferPage,
  OfferQuery,
  Profile,
  ProfileRequest,
  RecommendationList,
  SignUpResult,
} from './types'

export interface OfferFilters {
  district?: string
  kind?: OfferKind | ''
  q?: string
  available?: boolean
  /** A district id: nearest first from there (the resident's own district). */
  near?: string
}

/** The query keys of the resident pages (one offer is in sharedKeys: its organisation shows it too). */
export const residentKeys = {
  all: ['resident'] as const,
  offers: (filters: OfferFilters) => [...residentKeys.all, 'offers', filters] as const,
  signups: () => [...residentKeys.all, 'signups'] as const,
  profile: () => [...residentKeys.all, 'profile'] as const,
  recommendations: () => [...residentKeys.all, 'recommendations'] as const,
  /** Under the recommendations, so that what refreshes them (a saved profile) refreshes this too. */
  leftOut: () => [...residentKeys.recommendations(), 'left-out'] as const,
  referrals: () => [...residentKeys.all, 'referrals'] as const,
  accessLog: () => [...residentKeys.all, 'access-log'] as const,
  calendarFeed: () => [...residentKeys.all, 'calendar-feed'] as const,
  occurrences: (offerId: string, from: string, to: string) => [...residentKeys.all, 'occurrences', offerId, from, to] as const,
}

/** Query parameters without empty values, as the server refuses unknown or empty enum values. */
export function offerQuery(filters: OfferFilters, cursor?: string | null): OfferQuery {
  const query: OfferQuery = {}
  if (filters.district) query.district = filters.district
  if (filters.kind) query.kind = filters.kind
  const q = filters.q?.trim()
  if (q) query.q = q
  if (filters.available) query.available = true
  if (filters.near) query.near = filters.near
  if (cursor) query.cursor = cursor
  return query
}

export async function listOffers(filters: OfferFilters, cursor?: string | null): Promise<OfferPage> {
  return unwrap(await client.GET('/api/v1/offers', { params: { query: offerQuery(filters, cursor) } }))
}

/** An offer's meetings from `from` to `to` (`YYYY-MM-DD`, Dutch local dates, at most 92 days), cancelled ones too. */
export async function listOccurrences(offerId: string, from: string, to: string): Promise<Occurrence[]> {
  return unwrap(await client.GET('/api/v1/offers/{id}/occurrences', { params: { path: { id: offerId }, query: { from, to } } })).items
}

export async function signUp(offerId: string, message: string): Promise<SignUpResult> {
  const text = message.trim()
  const result = await client.POST('/api/v1/offers/{id}/signups', {
    params: { path: { id: offerId } },
    body: text ? { message: text } : {},
  })
  return unwrap(result)
}

export async function mySignups(cursor?: string | null): Promise<MySignupPage> {
  return unwrap(await client.GET('/api/v1/me/signups', { params: { query: cursor ? { cursor } : {} } }))
}

export async function withdrawSignup(id: string): Promise<SignUpResult> {
  return unwrap(await client.PATCH('/api/v1/signups/{id}', { params: { path: { id } }, body: { status: 'withdrawn' } }))
}

/** A sign-up's meetings as an iCalendar file (text/calendar), fetched with the access token like every call. */
export async function signupCalendar(id: string): Promise<Blob> {
  return unwrap(await client.GET('/api/v1/signups/{id}/calendar.ics', { params: { path: { id } }, parseAs: 'blob' }))
}

/** The URL of one's personal calendar feed (secret: whoever has it sees one's activities). */
export async function myCalendarFeed(): Promise<CalendarFeed> {
  return unwrap(await client.GET('/api/v1/me/calendar'))
}

/** A new calendar feed URL; the old one stops working. */
export async function rotateCalendarFeed(): Promise<CalendarFeed> {
  return unwrap(await client.POST('/api/v1/me/calendar/rotate'))
}

export async function getMyProfile(): Promise<Profile> {
  return unwrap(await client.GET('/api/v1/me/profile'))
}

export async function saveMyProfile(body: ProfileRequest): Promise<Profile> {
  return unwrap(await client.PUT('/api/v1/me/profile', { body }))
}

export async function myRecommendations(): Promise<RecommendationList> {
  return unwrap(await client.GET('/api/v1/me/recommendations'))
}

/** Why offers within reach are not among my recommendations: per obstacle, how many offers, most first. */
export async function myLeftOut(): Promise<LeftOut[]> {
  return unwrap(await client.GET('/api/v1/me/recommendations/left-out')).items
}

export async function myReferrals(): Promise<MyReferral[]> {
  return unwrap(await client.GET('/api/v1/me/referrals')).items
}

export async function acceptReferral(id: string, shareNote: boolean, message: string): Promise<SignUpResult> {
  const text = message.trim()
  const result = await client.POST('/api/v1/referrals/{id}/accept', {
    params: { path: { id } },
    body: text ? { share_note: shareNote, message: text } : { share_note: shareNote },
  })
  return unwrap(result)
}

export async function declineReferral(id: string, reason: string): Promise<void> {
  const text = reason.trim()
  expectOk(await client.POST('/api/v1/referrals/{id}/decline', { params: { path: { id } }, body: text ? { reason: text } : {} }))
}

export async function myAccessLog(cursor?: string | null): Promise<AccessLogPage> {
  return unwrap(await client.GET('/api/v1/me/access-log', { params: { query: cursor ? { cursor } : {} } }))
}
