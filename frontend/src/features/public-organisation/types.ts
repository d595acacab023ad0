// Wire types of the public organisation page, straight from the server's schema (src/api/schema.ts).
import type { components, operations } from '../../api/schema'

type S = components['schemas']

export type PublicOrganisation = S['OrganisationResponse']
export type OrganisationKind = S['OrganisationKind']
export type OfferPage = S['OfferList']
export type OfferQuery = NonNullable<operations['list_offers']['parameters']['query']>
