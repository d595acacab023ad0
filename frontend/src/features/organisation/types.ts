import { organisationKindValues, type components } from '../../api/schema'
import type { SignupStatus } from '../../api/types'

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
export type UpdateOfferRequest = S['UpdateOfferRequest']
export type DatedSession = S['DatedSession']
export type Route = S['Route']
export type OfferSignup = Omit<S['OfferSignupResponse'], 'status'> & { status: SignupStatus }
