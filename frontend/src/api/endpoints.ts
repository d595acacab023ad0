// The calls several features share: the session, the account, the public lists and one offer. Each feature's own
// calls are in its api.ts. Every call goes through the typed client, so its request and answer types come from
// the OpenAPI document (src/api/schema.ts).
import { client } from './client'
import { expectOk, unwrap } from './errors'
import { setTokens } from './session'
import type { DistrictNode, Me, Offer, RegisterRequest, Site, Tag, TokenResponse } from './types'

export async function getOffer(id: string): Promise<Offer> {
  return unwrap(await client.GET('/api/v1/offers/{id}', { params: { path: { id } } }))
}

/** The municipality's site settings and the map's tile source (public). */
export async function getSite(): Promise<Site> {
  return unwrap(await client.GET('/api/v1/site'))
}

export async function listDistricts(): Promise<DistrictNode[]> {
  return unwrap(await client.GET('/api/v1/districts')).items
}

export async function listTags(): Promise<Tag[]> {
  return unwrap(await client.GET('/api/v1/tags')).items
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

export async function register(body: RegisterRequest): Promise<void> {
  expectOk(await client.POST('/api/v1/auth/register', { body }))
}

export async function verifyEmail(token: string): Promise<void> {
  expectOk(await client.POST('/api/v1/auth/verify-email', { body: { token } }))
}

export async function resendVerification(email: string): Promise<void> {
  expectOk(await client.POST('/api/v1/auth/verify-email/resend', { body: { email } }))
}

export async function requestPasswordReset(email: string): Promise<void> {
  expectOk(await client.POST('/api/v1/auth/password-reset', { body: { email } }))
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  expectOk(await client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }))
}
