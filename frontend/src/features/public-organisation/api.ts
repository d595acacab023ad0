// The public organisation page's API calls and query keys: an organisation's public details and its published
// offers. The offer page uses them too, for the organisation's contact details.
import { useQuery } from '@tanstack/react-query'
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { OfferPage, OfferQuery, PublicOrganisation } from './types'

export const publicOrganisationKeys = {
  all: ['public-organisation'] as const,
  detail: (id: string) => [...publicOrganisationKeys.all, 'detail', id] as const,
  offers: (id: string) => [...publicOrganisationKeys.all, 'offers', id] as const,
}

/** A verified organisation as everyone sees it (name, kind, description, contact details). */
export async function getPublicOrganisation(id: string): Promise<PublicOrganisation> {
  return unwrap(await client.GET('/api/v1/organisations/{id}', { params: { path: { id } } }))
}

/** One page of an organisation's published offers (GET /offers?organisation=…). */
export async function listOrganisationOffers(id: string, cursor?: string | null): Promise<OfferPage> {
  const query: OfferQuery = cursor ? { organisation: id, cursor } : { organisation: id }
  return unwrap(await client.GET('/api/v1/offers', { params: { query } }))
}

export function usePublicOrganisation(id: string, enabled = true) {
  return useQuery({ queryKey: publicOrganisationKeys.detail(id), queryFn: () => getPublicOrganisation(id), enabled: enabled && id !== '' })
}
