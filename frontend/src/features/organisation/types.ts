import { organisationKindValues, type components, type operations } from '../../api/schema'

type S = components['schemas']

// The organisation pages' types, from the server's OpenAPI document (snake_case enums on the wire).
export type OrganisationKind = S['OrganisationKind']
export const ORGANISATION_KINDS: readonly OrganisationKind[] = organisationKindValues
export type OrganisationStatus = S['OrganisationStatus']
export type Organisation = S['OrganisationResponse']
export type CreateOrganisationRequest = S['CreateOrganisationRequest']
export type UpdateOrganisationRequest = S['UpdateOrganisationRequest']
export type MemberRole = S['MemberRole']
export type Member = S['MemberResponse']
export type Membership = S['Membership']
export type CreateOfferRequest = S['CreateOfferRequest']
export type UpdateOfferRequest = S['OfferChange']
export type DatedSession = S['DatedSession']
export type Route = S['Route']
export type OfferSignup = S['OfferSignupResponse']
export type OfferPage = S['OfferList']
export type OrganisationOffersQuery = NonNullable<operations['list_organisation_offers']['parameters']['query']>
