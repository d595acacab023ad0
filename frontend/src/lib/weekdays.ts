import type { TFunction } from 'i18next'
import type { WeeklySlot } from '../api/types'

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

function isWeekday(n: number): n is Weekday {
  return WEEKDAYS.some((w) => w === n)
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday) in the current language; '' for anything else. */
export function weekdayName(weekday: number, t: TFunction): string {
  return isWeekday(weekday) ? t(`weekday.${weekday}`) : ''
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
