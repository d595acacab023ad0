// Wire types of the resident pages, straight from the server's schema (src/api/schema.ts).
import type { components, operations } from '../../api/schema'

type S = components['schemas']

export type { OfferKind, Profile, RecommendationList, SignupStatus } from '../../api/types'

/** The query of GET /offers, as the server reads it. */
export type OfferQuery = NonNullable<operations['list_offers']['parameters']['query']>
export type OfferPage = S['OfferList']
export type SignUpResult = S['SignUpResponse']
export type MySignup = S['MySignupResponse']
export type MySignupPage = S['MySignupList']
export type ProfileRequest = S['ProfileRequest']
export type MyReferral = S['MyReferral']
export type AccessLogPage = S['AccessLogList']
export type CalendarFeed = S['CalendarFeedResponse']
/** How many offers within reach one obstacle (an access need, guidance, language…) keeps out of my recommendations. */
export type LeftOut = S['LeftOut']
/** One meeting of an offer (a weekly slot on a day, or a dated session), maybe cancelled. */
export type Occurrence = S['OccurrenceResponse']
