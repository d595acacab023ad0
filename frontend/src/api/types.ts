import { offerKindValues, type components } from './schema'

type S = components['schemas']

/** One page of a list: its items and the cursor of the next page (none on the last page). */
export interface Page<T> {
  items: T[]
  next_cursor?: string | null
}

// Named enum types for the pages: the generated schema's enums (snake_case on the wire), and their
// value lists generated with them (openapi-typescript --enum-values).
export type OfferKind = S['OfferKind']
export const OFFER_KINDS: readonly OfferKind[] = offerKindValues
export type OfferStatus = S['OfferStatus']
export type SignupStatus = S['SignupStatus']
export type DistrictKind = S['DistrictKind']
export type TagKind = S['TagKind']

export type Offer = Omit<S['OfferResponse'], 'kind' | 'status' | 'guidance' | 'dutch_level' | 'route'> & {
  kind: OfferKind
  status: OfferStatus
  guidance: 'none' | 'light' | 'intensive'
  dutch_level: 'none' | 'A1' | 'A2' | 'B1' | 'B2'
  route: 'open' | 'referral_required'
}
export type WeeklySlot = S['WeeklySlot']
export type OfferPage = Page<Offer>

export type DistrictNode = Omit<S['DistrictResponse'], 'kind'> & { kind: DistrictKind; children: DistrictNode[] }
export type Tag = Omit<S['TagResponse'], 'kind'> & { kind: TagKind }

export type Me = S['MeResponse']
export type TokenResponse = S['TokenResponse']

export type SignUpResult = Omit<S['SignUpResponse'], 'status'> & { status: SignupStatus }
export type MySignup = Omit<S['MySignupResponse'], 'status' | 'offer'> & { status: SignupStatus; offer: Offer }
export type MySignupPage = Page<MySignup>

export type Guidance = S['Guidance']
export type DutchLevel = S['DutchLevel']
export type MaxTravel = S['MaxTravel']
export type PartOfDay = S['PartOfDay']
export type AvailabilityWindow = S['AvailabilityWindow']
export type AvailabilityInput = S['AvailabilityInput']
export type Profile = S['ProfileResponse']
export type ProfileRequest = S['ProfileRequest']
export type Reason = S['Reason']
export type ReasonCode = Reason['code']
export interface Recommendation {
  offer: Offer
  score: number
  reasons: Reason[]
  /** A worker proposed it and the resident has not answered yet. */
  proposed: boolean
}
export interface RecommendationList {
  items: Recommendation[]
  profile_completed: boolean
}
export type ReferralStatus = S['ReferralStatus']
export type MyReferral = Omit<S['MyReferral'], 'offer'> & { offer: Offer }
export type AccessKind = S['AccessKind']
export type AccessLogEntry = S['AccessLogEntry']
export type AccessLogPage = Page<AccessLogEntry>
