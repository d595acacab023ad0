// Named wire types shared by several features, straight from the generated schema (snake_case enums on the wire),
// with the enum value lists generated with them (openapi-typescript --enum-values). A feature's own types are in
// its types.ts, made the same way.
import { offerKindValues, type components } from './schema'

type S = components['schemas']

export type OfferKind = S['OfferKind']
export const OFFER_KINDS: readonly OfferKind[] = offerKindValues
export type OfferStatus = S['OfferStatus']
export type SignupStatus = S['SignupStatus']
export type ReferralStatus = S['ReferralStatus']
export type DistrictKind = S['DistrictKind']
export type TagKind = S['TagKind']
export type Role = S['Role']

export type Offer = S['OfferResponse']
export type WeeklySlot = S['WeeklySlot']
export type Guidance = S['Guidance']
export type DutchLevel = S['DutchLevel']
export type MaxTravel = S['MaxTravel']
export type PartOfDay = S['PartOfDay']
export type AvailabilityWindow = S['AvailabilityWindow']
export type AvailabilityInput = S['AvailabilityInput']
export type Profile = S['ProfileResponse']
export type Recommendation = S['RecommendationItem']
export type RecommendationList = S['RecommendationList']
export type Reason = S['Reason']
export type ReasonCode = Reason['code']
/** Why an offer does not fit a resident (an obstacle the matcher names). */
export type Exclusion = S['Exclusion']

export type DistrictNode = S['DistrictNode']
export type Tag = S['TagResponse']

export type Me = S['MeResponse']
/** GET /site: the municipality and the map's tile source. */
export type Site = S['SiteResponse']
export type TokenResponse = S['TokenResponse']
export type RegisterRequest = S['RegisterRequest']
