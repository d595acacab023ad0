// Types of the printable programme, derived from the server's schema (src/api/schema.ts).
import type { components } from '../../api/schema'

export type { DistrictNode, Offer } from '../../api/types'
export type Occurrence = components['schemas']['OccurrenceResponse']
export type Organisation = components['schemas']['OrganisationResponse']
export type OfferPage = components['schemas']['OfferList']
