// The organisation pages' API calls, on the typed client (like src/api/endpoints.ts).
import { client } from '../../api/client'
import { expectOk, unwrap } from '../../api/errors'
import type { Offer, SignupStatus } from '../../api/types'
import type {
  CreateOfferRequest,
  CreateOrganisationRequest,
  Member,
  MemberRole,
  OfferPage,
  OfferSignup,
  Organisation,
  OrganisationOffersQuery,
  UpdateOfferRequest,
  UpdateOrganisationRequest,
} from './types'

/** The organisation pages' query keys (one offer is in sharedKeys: residents see it too). */
export const organisationKeys = {
  all: ['organisation'] as const,
  detail: (id: string) => [...organisationKeys.all, 'detail', id] as const,
  offers: (id: string) => [...organisationKeys.all, 'offers', id] as const,
  members: (id: string) => [...organisationKeys.all, 'members', id] as const,
  offerSignups: (offerId: string) => [...organisationKeys.all, 'offer-signups', offerId] as const,
}

export async function getOrganisation(id: string): Promise<Organisation> {
  return unwrap(await client.GET('/api/v1/organisations/{id}', { params: { path: { id } } }))
}

export async function createOrganisation(body: CreateOrganisationRequest): Promise<Organisation> {
  return unwrap(await client.POST('/api/v1/organisations', { body }))
}

export async function updateOrganisation(id: string, body: UpdateOrganisationRequest): Promise<Organisation> {
  return unwrap(await client.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body }))
}

export async function listMembers(id: string): Promise<Member[]> {
  return unwrap(await client.GET('/api/v1/organisations/{id}/members', { params: { path: { id } } })).items
}

export async function addMember(id: string, email: string, role: MemberRole): Promise<Member[]> {
  const result = await client.POST('/api/v1/organisations/{id}/members', {
    params: { path: { id } },
    body: { email: email.trim(), role },
  })
  return unwrap(result).items
}

export async function removeMember(id: string, userId: string): Promise<void> {
  expectOk(await client.DELETE('/api/v1/organisations/{id}/members/{user_id}', { params: { path: { id, user_id: userId } } }))
}

/** All offers of an organisation in every status (following the cursor; organisations have a few dozen at most). */
export async function listOrganisationOffers(id: string): Promise<Offer[]> {
  const items: Offer[] = []
  let cursor: string | null | undefined = null
  for (let i = 0; i < 20; i++) {
    const query: OrganisationOffersQuery = cursor ? { limit: 100, cursor } : { limit: 100 }
    const page: OfferPage = unwrap(await client.GET('/api/v1/organisations/{id}/offers', { params: { path: { id }, query } }))
    items.push(...page.items)
    cursor = page.next_cursor
    if (!cursor) break
  }
  return items
}

export async function createOffer(body: CreateOfferRequest): Promise<Offer> {
  return unwrap(await client.POST('/api/v1/offers', { body }))
}

export async function updateOffer(id: string, body: UpdateOfferRequest): Promise<Offer> {
  return unwrap(await client.PATCH('/api/v1/offers/{id}', { params: { path: { id } }, body }))
}

export async function publishOffer(id: string): Promise<Offer> {
  return unwrap(await client.POST('/api/v1/offers/{id}/publish', { params: { path: { id } } }))
}

export async function closeOffer(id: string): Promise<Offer> {
  return unwrap(await client.POST('/api/v1/offers/{id}/close', { params: { path: { id } } }))
}

export async function listOfferSignups(id: string): Promise<OfferSignup[]> {
  return unwrap(await client.GET('/api/v1/offers/{id}/signups', { params: { path: { id } } })).items
}

export async function setSignupStatus(id: string, status: Extract<SignupStatus, 'accepted' | 'declined'>): Promise<void> {
  expectOk(await client.PATCH('/api/v1/signups/{id}', { params: { path: { id } }, body: { status } }))
}

/** Declines a sign-up; the reason (if any) is emailed to the resident. */
export async function declineSignup(id: string, reason: string): Promise<void> {
  const body = reason === '' ? { status: 'declined' as const } : { status: 'declined' as const, reason }
  expectOk(await client.PATCH('/api/v1/signups/{id}', { params: { path: { id } }, body }))
}
