// The figures and periods of a statement in words, in the language of the page.
import type { TFunction } from 'i18next'
import { formatDay } from '../../lib/schedule'
import { formatHours } from '../attendance/format'

/** Hours in words: "17,5 uur", "1 hour". */
export function hoursText(hours: number, t: TFunction, lang: string): string {
  return t('participationStatement.hours', { count: hours, hours: formatHours(hours, lang) })
}

/** Both days of a period in words: "1 oktober 2026 tot en met 10 december 2026". */
export function periodText(from: string, to: string, t: TFunction, lang: string): string {
  return t('participationStatement.period', { from: formatDay(from, lang), to: formatDay(to, lang) })
}

/** The file a statement's PDF is saved as. */
export function pdfName(code: string): string {
  return `verklaring-meedoen-${code}.pdf`
}
