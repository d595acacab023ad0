// The programme's API calls and query keys: the published offers of an area, their occurrences in a period and
// the organisations' public contact details.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { Period } from '../../lib/schedule'
import type { Occurrence, Offer, Organisation } from './types'

/** The programme's query keys. */
export const programmeKeys = {
  all: ['programme'] as const,
  offers: (district: string) => [...programmeKeys.all, 'offers', district] as const,
  occurrences: (offerId: string, from: string, to: string) => [...programmeKeys.all, 'occurrences', offerId, from, to] as const,
  organisation: (id: string) => [...programmeKeys.all, 'organisation', id] as const,
}

/** A page of 100, the most the server gives at once; 30 pages (3000 offers) is more than a municipality has. */
const PAGE = 100
const MAX_PAGES = 30

/** Every published offer in a municipality, area or district (and the districts below it), page by page. */
export async function listAllOffers(district: string): Promise<Offer[]> {
  const offers: Offer[] = []
  let cursor: string | null | undefined = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: { district: string; limit: number; cursor?: string } = cursor ? { district, limit: PAGE, cursor } : { district, limit: PAGE }
    const result = unwrap(await client.GET('/api/v1/offers', { params: { query } }))
    offers.push(...result.items)
    cursor = result.next_cursor
    if (!cursor) break
  }
  return offers
}

/** An offer's occurrences from the first to the last day of `period` (cancelled ones too, marked). */
export async function listOccurrences(offerId: string, period: Period): Promise<Occurrence[]> {
  const result = await client.GET('/api/v1/offers/{id}/occurrences', {
    params: { path: { id: offerId }, query: { from: period.from, to: period.to } },
  })
  return unwrap(result).items
}

/** A verified organisation's public details, for its phone number and email address. */
export async function getOrganisation(id: string): Promise<Organisation> {
  return unwrap(await client.GET('/api/v1/organisations/{id}', { params: { path: { id } } }))
}
