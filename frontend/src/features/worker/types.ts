// Types of the worker pages, derived from the server's schema (src/api/schema.ts).
import type { components } from '../../api/schema'

type S = components['schemas']

export type WorkerDistrict = S['WorkerDistrict']
export type ResidentSummary = S['ResidentSummary']
export type ResidentPage = S['ResidentList']
export type ResidentDetail = S['ResidentDetail']
export type ResidentProfile = S['ProfileResponse']

export type { Recommendation as ResidentRecommendation, RecommendationList as ResidentRecommendationList } from '../../api/types'

export type CreateReferralRequest = S['CreateReferralRequest']
export type ReferralCreated = S['ReferralCreated']
export type ReferralsCreated = S['ReferralsCreated']

export type Proposal = S['Proposal']
export type Unmatched = S['Unmatched']
export type AssignmentResponse = S['AssignmentResponse']
export type ConfirmItem = S['ConfirmItem']

export type WorkerReferral = S['WorkerReferral']
export type WorkerReferralPage = S['WorkerReferralList']
