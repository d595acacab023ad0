// The monitor's periods as the server reads them, on the Dutch calendar: a month (`2026-11`), a quarter
// (`2026-Q4`) or a run of whole months (`2026-01..2026-06`, only from a link); the ones to choose from, and how
// they read in words.
import type { TFunction } from 'i18next'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER = /^(\d{4})-Q([1-4])$/
const RANGE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))$/

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'nl-NL'
}

/** A month as a count of months since year 0, and back. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
}
function monthAt(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The month of a day (`2026-11-08` → `2026-11`): the default period. */
export function monthOf(day: string): string {
  return day.slice(0, 7)
}

/** The last `count` months up to and including the month of `today` (`YYYY-MM-DD`), newest first. */
export function lastMonths(today: string, count = 24): string[] {
  const now = monthIndex(monthOf(today))
  return Array.from({ length: count }, (_, i) => monthAt(now - i))
}

/** The last `count` quarters up to and including the quarter of `today` (the one under way), newest first. */
export function lastQuarters(today: string, count = 8): string[] {
  const now = Math.floor(monthIndex(monthOf(today)) / 3)
  return Array.from({ length: count }, (_, i) => {
    const quarter = now - i
    return `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`
  })
}

/** Whether the server can read `value` as a period (whether it has begun, and is not too long, it decides). */
export function isPeriod(value: string | null): value is string {
  if (value === null) return false
  const range = RANGE.exec(value)
  if (range) return monthIndex(range[1] ?? '') <= monthIndex(range[2] ?? '')
  return MONTH.test(value) || QUARTER.test(value)
}

/** A `YYYY-MM` month in words: "november 2026" / "November 2026". */
function monthInWords(month: string, lang: string): string {
  const index = monthIndex(month)
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)),
  )
}

/**
 * A period in words: "november 2026", "4e kwartaal 2026" / "Q4 2026", "januari 2026 t/m juni 2026". In a sentence
 * (`inSentence`), a Dutch quarter reads "het 4e kwartaal van 2026".
 */
export function periodInWords(period: string, t: TFunction, lang: string, inSentence = false): string {
  if (MONTH.test(period)) return monthInWords(period, lang)
  const quarter = QUARTER.exec(period)
  if (quarter) {
    const vars = { number: quarter[2], year: quarter[1] }
    return inSentence ? t('monitor.periods.quarterInSentence', vars) : t('monitor.periods.quarter', vars)
  }
  const range = RANGE.exec(period)
  if (range) return t('monitor.periods.range', { from: monthInWords(range[1] ?? '', lang), to: monthInWords(range[2] ?? '', lang) })
  return period
}
