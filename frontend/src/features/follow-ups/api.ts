// The follow-up API calls and query keys: the worker's follow-ups, a note on a referral, closing a referral.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { ClosingOutcome, FollowUpList, ReferralNote, StopReason, WorkerReferral } from './types'

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: () => [...followUpKeys.all, 'list'] as const,
}

/**
 * Whether an error code says the referral changed while the page was open: closed by someone else, or no longer
 * accepted. The follow-ups list is out of date then.
 */
export function changedMeanwhile(code: string | undefined): boolean {
  return code === 'referral_closed' || code === 'referral_not_accepted'
}

/** The worker's accepted referrals whose next milestone is due or missed, oldest milestone first. */
export async function listFollowUps(): Promise<FollowUpList> {
  return unwrap(await client.GET('/api/v1/worker/follow-ups'))
}

/** A short note on an accepted referral (1 to 1000 characters); only its worker reads it. */
export async function writeNote(referralId: string, body: string): Promise<ReferralNote> {
  return unwrap(await client.POST('/api/v1/referrals/{id}/notes', { params: { path: { id: referralId } }, body: { body } }))
}

/** Closes an accepted referral: completed, or stopped with a reason. */
export async function closeReferral(referralId: string, outcome: ClosingOutcome, reason: StopReason | undefined): Promise<WorkerReferral> {
  const body = outcome === 'stopped' ? { outcome, reason } : { outcome }
  return unwrap(await client.POST('/api/v1/referrals/{id}/close', { params: { path: { id: referralId } }, body }))
}
