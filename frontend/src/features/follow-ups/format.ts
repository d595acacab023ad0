// The milestones in words, for the worker (about the resident) and for the resident (about themselves). Dates are
// days in Dutch local time (Europe/Amsterdam), whatever the device's time zone.
import type { TFunction } from 'i18next'
import type { Milestone, MilestoneKind, MissedSignal, Outcome, StopReason } from './types'

/** Who reads the timeline: the worker who made the referral, or the resident it is about. */
export type Perspective = 'worker' | 'resident'

/** Half the window around the 4- and 12-week marks (the server's rule): present in the week before or after counts. */
const MARK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

/** A day in words: "25 december 2026" / "25 December 2026". */
export function formatDate(iso: string, lang: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return new Intl.DateTimeFormat(lang.startsWith('en') ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at)
}

/** The weeks of a mark (4 or 12); 0 for the start. */
export function weeksOf(kind: MilestoneKind): number {
  return kind === 'week_4' ? 4 : kind === 'week_12' ? 12 : 0
}

/** What a follow-up is about, for the top of its card: a milestone that is due (still possible) or missed. */
export function attentionText(m: Milestone, t: TFunction, lang: string): string {
  if (m.kind === 'started') {
    const date = formatDate(m.due, lang)
    return m.state === 'missed' ? t('followUps.attention.startedMissed', { date }) : t('followUps.attention.startedDue', { date })
  }
  const weeks = weeksOf(m.kind)
  if (m.state === 'missed') return t('followUps.attention.markMissed', { weeks, date: formatDate(m.due, lang) })
  // Due: the resident can still come until a week after the mark.
  const until = new Date(Date.parse(m.due) + MARK_WINDOW_MS).toISOString()
  return t('followUps.attention.markDue', { weeks, date: formatDate(until, lang) })
}

/** Absences without saying so, in a row, for the top of a card. */
export function missedText(missed: MissedSignal, t: TFunction, lang: string): string {
  return t('followUps.attention.missed', { count: missed.in_a_row, date: formatDate(missed.since, lang) })
}

/** One milestone in a sentence: when it was reached, or where it stands. */
export function milestoneText(m: Milestone, perspective: Perspective, t: TFunction, lang: string): string {
  const group = m.kind === 'started' ? 'started' : 'mark'
  const date = formatDate(m.state === 'reached' && m.reached_at ? m.reached_at : m.due, lang)
  return t(`followUps.timeline.${perspective}.${group}.${m.state}`, { date })
}

/** How the worker closed a referral, in a sentence; null when they did not (`never_started` shows in the steps). */
export function outcomeText(outcome: Outcome | null | undefined, reason: StopReason | null | undefined, perspective: Perspective, t: TFunction): string | null {
  if (outcome === 'completed') return t(`followUps.timeline.outcome.${perspective}.completed`)
  if (outcome === 'stopped') {
    const why = reason ? t(`followUps.reason.${reason}`) : t('followUps.reason.other')
    return t(`followUps.timeline.outcome.${perspective}.stopped`, { reason: why.toLocaleLowerCase() })
  }
  return null
}

/** Whether the worker closed the referral (completed or stopped). */
export function isClosed(outcome: Outcome | null | undefined): boolean {
  return outcome === 'completed' || outcome === 'stopped'
}
