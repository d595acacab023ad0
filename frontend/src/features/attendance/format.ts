// Hours, days and periods of the attendance pages, in Dutch local time (Europe/Amsterdam) whatever the device's
// time zone, like src/lib/schedule.ts.
import type { TFunction } from 'i18next'
import { addDays, monthOf } from '../../lib/schedule'

const ZONE = 'Europe/Amsterdam'

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'nl-NL'
}

/** A number of hours as the language writes it: "1,5" in Dutch, "1.5" in English (at most two decimals). */
export function formatHours(hours: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(hours)
}

/** Hours in words: "1,5 uur", "1 hour". */
export function hoursText(hours: number, t: TFunction, lang: string): string {
  return t('attendance.hours', { count: hours, hours: formatHours(hours, lang) })
}

/** The most hours one person can count for one occurrence (the server's rule). */
export const MAX_HOURS = 24

/** Hours as typed, with a comma or a point ("1,5", "2.25"); null when it is no number from 0 to 24. */
export function parseHours(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(text)
  if (!match) return null
  const hours = Number(`${match[1]}.${match[2] ?? '0'}`)
  return hours >= 0 && hours <= MAX_HOURS ? hours : null
}

/** Hours as the hours field shows them: in the language's way, without a thousands separator. */
export function hoursInput(hours: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2, useGrouping: false }).format(hours)
}

/** The day and start of a moment: "dinsdag 8 december 2026 om 10:00" / "Tuesday 8 December 2026 at 10:00". */
export function startInWords(iso: string, t: TFunction, lang: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(at)
    .replace(',', '')
  const time = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
  return t('attendance.at', { day, time })
}

/** A `YYYY-MM` month in words: "november 2026". */
export function monthInWords(month: string, lang: string): string {
  const [year, number] = month.split('-').map(Number)
  if (!year || !number) return month
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, number - 1, 1)))
}

/** Whole days, both included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string
  to: string
}

/** The periods a resident can look at. */
export const PARTICIPATION_PERIODS = ['month', 'quarter', 'year'] as const
export type ParticipationPeriod = (typeof PARTICIPATION_PERIODS)[number]

export function isParticipationPeriod(value: string | null): value is ParticipationPeriod {
  return PARTICIPATION_PERIODS.some((p) => p === value)
}

/**
 * The days of a period around `today`: this calendar month, the last 3 calendar months (this one and the two
 * before) or this calendar year. They run to the end of the month or year, so the occurrences the resident
 * already said they cannot come to are in it too.
 */
export function participationRange(period: ParticipationPeriod, today: string): DayRange {
  const month = monthOf(today)
  if (period === 'month') return { from: month.from, to: month.to }
  if (period === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` }
  const before = monthOf(addDays(month.from, -1))
  const twoBefore = monthOf(addDays(before.from, -1))
  return { from: twoBefore.from, to: month.to }
}

/** The `days` days up to and including `today`. */
export function lastDays(today: string, days: number): DayRange {
  return { from: addDays(today, -(days - 1)), to: today }
}
