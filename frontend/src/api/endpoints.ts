import { client } from './client'
import { unwrap } from './errors'
import { setTokens } from './session'
import type {
  AccessLogPage,
  DistrictNode,
  Me,
  MyReferral,
  MySignupPage,
  Offer,
  OfferKind,
  OfferPage,
  Profile,
  ProfileRequest,
  RecommendationList,
  SignUpResult,
  Tag,
  TokenResponse,
} from './types'

export interface OfferFilters {
  district?: string
  kind?: OfferKind | ''
  q?: string
  available?: boolean
}

/** Query parameters without empty values, as the server refuses unknown or empty enum values. */
export function offerQuery(filters: OfferFilters, cursor?: string | null): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.district) query.district = filters.district
  if (filters.kind) query.kind = filters.kind
  const q = filters.q?.trim()
  if (q) query.q = q
  if (filters.available) query.available = 'true'
  if (cursor) query.cursor = cursor
  return query
}

export async function listOffers(filters: OfferFilters, cursor?: string | null): Promise<OfferPage> {
  // offerQuery leaves out empty filters (the server refuses empty enum values); the cast narrows its
  // string record to the generated query type.
  const result = await client.GET('/api/v1/offers', { params: { query: offerQuery(filters, cursor) } } as never)
  return unwrap(result) as unknown as OfferPage
}

export async function getOffer(id: string): Promise<Offer> {
  const result = await client.GET('/api/v1/offers/{id}', { params: { path: { id: id } } })
  return unwrap(result) as unknown as Offer
}

export async function listDistricts(): Promise<DistrictNode[]> {
  const result = await client.GET('/api/v1/districts', {} as never)
  return (unwrap(result) as unknown as { items: DistrictNode[] }).items
}

export async function listTags(): Promise<Tag[]> {
  const result = await client.GET('/api/v1/tags', {} as never)
  return (unwrap(result) as unknown as { items: Tag[] }).items
}

export async function signUp(offerId: string, message: string): Promise<SignUpResult> {
  const text = message.trim()
  const result = await client.POST('/api/v1/offers/{id}/signups', {
    params: { path: { id: offerId } },
    body: text ? { message: text } : {},
  })
  return unwrap(result) as unknown as SignUpResult
}

export async function mySignups(cursor?: string | null): Promise<MySignupPage> {
  const query: Record<string, string> = cursor ? { cursor } : {}
  const result = await client.GET('/api/v1/me/signups', { params: { query } } as never)
  return unwrap(result) as unknown as MySignupPage
}

export async function withdrawSignup(id: string): Promise<SignUpResult> {
  const result = await client.PATCH('/api/v1/signups/{id}', {
    params: { path: { id: id } },
    body: { status: 'withdrawn' } as never,
  })
  return unwrap(result) as unknown as SignUpResult
}

export async function getMe(): Promise<Me> {
  return unwrap(await client.GET('/api/v1/me'))
}

/** Signs in; the refresh token comes back as an HttpOnly cookie, out of reach of scripts. */
export async function login(email: string, password: string): Promise<TokenResponse> {
  const data = unwrap(await client.POST('/api/v1/auth/login', { body: { email, password, refresh_cookie: true } }))
  setTokens({ access: data.access_token })
  return data
}

/** Ends the session of the refresh-token cookie (the server clears it) and forgets the access token. */
export async function logout(): Promise<void> {
  try {
    await client.POST('/api/v1/auth/logout', { body: {} })
  } finally {
    setTokens(null)
  }
}

export async function register(body: {
  email: string
  password: string
  display_name: string
  locale: 'nl' | 'en'
}): Promise<void> {
  unwrap(await client.POST('/api/v1/auth/register', { body }))
}

export async function verifyEmail(token: string): Promise<void> {
  unwrap(await client.POST('/api/v1/auth/verify-email', { body: { token } }))
}

export async function requestPasswordReset(email: string): Promise<void> {
  unwrap(await client.POST('/api/v1/auth/password-reset', { body: { email } }))
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  unwrap(await client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }))
}

export async function getMyProfile(): Promise<Profile> {
  return unwrap(await client.GET('/api/v1/me/profile'))
}

export async function saveMyProfile(body: ProfileRequest): Promise<Profile> {
  return unwrap(await client.PUT('/api/v1/me/profile', { body }))
}

export async function myRecommendations(): Promise<RecommendationList> {
  const result = await client.GET('/api/v1/me/recommendations', {} as never)
  return unwrap(result) as unknown as RecommendationList
}

export async function myReferrals(): Promise<MyReferral[]> {
  const result = await client.GET('/api/v1/me/referrals')
  return (unwrap(result) as unknown as { items: MyReferral[] }).items
}

export async function acceptReferral(id: string, shareNote: boolean, message: string): Promise<SignUpResult> {
  const text = message.trim()
  const result = await client.POST('/api/v1/referrals/{id}/accept', {
    params: { path: { id } },
    body: text ? { share_note: shareNote, message: text } : { share_note: shareNote },
  })
  return unwrap(result) as unknown as SignUpResult
}

export async function declineReferral(id: string, reason: string): Promise<void> {
  const text = reason.trim()
  unwrap(await client.POST('/api/v1/referrals/{id}/decline', { params: { path: { id } }, body: text ? { reason: text } : {} }))
}

export async function myAccessLog(cursor?: string | null): Promise<AccessLogPage> {
  const query: Record<string, string> = cursor ? { cursor } : {}
  const result = await client.GET('/api/v1/me/access-log', { params: { query } } as never)
  return unwrap(result) as unknown as AccessLogPage
}
