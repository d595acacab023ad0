// Wire types of the follow-ups, straight from the server's schema (src/api/schema.ts).
import { stopReasonValues, type components } from '../../api/schema'

type S = components['schemas']

export type FollowUpItem = S['FollowUpItem']
export type FollowUpList = S['FollowUpList']
export type Milestone = S['Milestone']
export type MilestoneKind = S['MilestoneKind']
export type MilestoneState = S['MilestoneState']
/** Unexcused absences in a row at the end of the resident's record. */
export type MissedSignal = S['MissedSignal']
export type Outcome = S['Outcome']
export type StopReason = S['StopReason']
export type ReferralNote = S['ReferralNoteResponse']
export type WorkerReferral = S['WorkerReferral']
/** The outcomes a worker chooses (`never_started` follows from attendance). */
export type ClosingOutcome = Exclude<Outcome, 'never_started'>
/** Health, not a fit, times, travel, found work, moved, other: the order of the choices. */
export const STOP_REASONS: readonly StopReason[] = stopReasonValues
