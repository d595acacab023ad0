import type { TFunction } from 'i18next'
import type { Reason } from '../api/types'
import { inSentence, type TagLabel } from './tags'
import { weekdayName } from './weekdays'

/** One reason of a recommendation as a sentence in the current language; '' for a code we do not know. */
export function formatReason(reason: Reason, t: TFunction, tagLabel: TagLabel): string {
  const label: TagLabel = (kind, key) => inSentence(tagLabel(kind, key))
  switch (reason.code) {
    case 'same_district':
    case 'same_area':
    case 'same_municipality':
    case 'language_buddy':
    case 'waitlist':
    case 'referral_required':
      return t(`reasons.${reason.code}`)
    case 'skill_match':
      return t('reasons.skill_match', { tag: label('skill', reason.tag) })
    case 'interest_match':
      return t('reasons.interest_match', { tag: label('interest', reason.tag) })
    case 'goal_served':
      return t('reasons.goal_served', { tag: label('goal', reason.tag) })
    case 'access_met':
      return t('reasons.access_met', { tag: label('access', reason.tag) })
    case 'fits_availability':
      return t('reasons.fits_availability', { day: weekdayName(reason.weekday, t), start: reason.start, end: reason.end })
    case 'guidance_offered':
      return reason.level === 'none' || reason.level === 'light' || reason.level === 'intensive' ? t(`reasons.guidance_${reason.level}`) : ''
    case 'free_places':
      return t('reasons.free_places', { count: reason.count })
    default:
      return ''
  }
}

/** All reasons as sentences, leaving out codes we do not know. */
export function formatReasons(reasons: readonly Reason[], t: TFunction, label: TagLabel): string[] {
  return reasons.map((r) => formatReason(r, t, label)).filter((s) => s !== '')
}
