import type { TFunction } from 'i18next'
import type { WeeklySlot } from '../api/types'

/** The name of an ISO weekday (1 = Monday … 7 = Sunday) in the current language; '' for anything else. */
export function weekdayName(weekday: number, t: TFunction): string {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return ''
  return t(`weekday.${weekday}`)
}

/** "Elke dinsdag van 10:00 tot 11:30 uur" / "Every Tuesday from 10:00 to 11:30". */
export function formatSlot(slot: WeeklySlot, t: TFunction): string {
  return t('weekday.slot', { day: weekdayName(slot.weekday, t), start: slot.start, end: slot.end })
}

/** The slots in week order (Monday first, then by start time), each in words. */
export function formatSlots(slots: readonly WeeklySlot[], t: TFunction): string[] {
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((s) => formatSlot(s, t))
}
