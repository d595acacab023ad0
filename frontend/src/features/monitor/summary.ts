// The monitor's figures as the page shows them: numbers in the language's way (hours to one decimal), a hidden
// figure as "< 5" or "×", the difference with the period before, and the answer in one or two sentences.
import type { TFunction } from 'i18next'
import { periodInWords } from './period'
import type { Figure, IndicatorKey, MonitorAnswer, MonitorLine } from './types'

/** The mark of a figure hidden to protect a small one (the footnote explains it). */
export const PROTECTS_MARK = '×'

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'nl-NL'
}

/** Hours are shown to one decimal; everything else is a whole number. */
function decimals(indicator: IndicatorKey): number {
  return indicator === 'hours' ? 1 : 0
}

/** A figure's number as the language writes it: "1.234" and "37,5" in Dutch, "1,234" and "37.5" in English. */
export function formatNumber(value: number, indicator: IndicatorKey, lang: string, signed = false): string {
  const digits = decimals(indicator)
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value)
}

/** A figure as the table shows it: its number, "< 5" (from fewer than 5 people) or "×" (hidden to protect). */
export function figureText(figure: Figure, indicator: IndicatorKey, lang: string, min: number): string {
  if (figure.value !== null && figure.value !== undefined && !figure.suppressed) return formatNumber(figure.value, indicator, lang)
  return figure.reason === 'protects' ? PROTECTS_MARK : `< ${min}`
}

/** A figure's value, or null when it is hidden. */
export function shownValue(figure: Figure): number | null {
  return figure.suppressed || figure.value === null || figure.value === undefined ? null : figure.value
}

/** This period minus the one before, rounded as the figures are; null when either is hidden. */
export function difference(line: MonitorLine, indicator: IndicatorKey): number | null {
  const now = shownValue(line)
  const before = shownValue(line.previous)
  if (now === null || before === null) return null
  const scale = 10 ** decimals(indicator)
  return Math.round((now - before) * scale) / scale
}

/** Which sentence tells the answer: from how the two figures compare, or why one is not shown. */
export type SummaryCase = 'more' | 'fewer' | 'same' | 'previousSmall' | 'previousProtects' | 'small' | 'protects'

export function summaryCase(line: MonitorLine, indicator: IndicatorKey): SummaryCase {
  if (shownValue(line) === null) return line.reason === 'protects' ? 'protects' : 'small'
  const diff = difference(line, indicator)
  if (diff === null) return line.previous.reason === 'protects' ? 'previousProtects' : 'previousSmall'
  if (diff > 0) return 'more'
  if (diff < 0) return 'fewer'
  return 'same'
}

/** A number of the indicator in a sentence: hours with their unit ("37,5 uur", "1 hour"), anything else bare. */
function amountInWords(value: number, indicator: IndicatorKey, t: TFunction, lang: string): string {
  const number = formatNumber(value, indicator, lang)
  return indicator === 'hours' ? t('monitor.hours', { count: value, hours: number }) : number
}

/**
 * The answer for the asked area in words, from its total line: "In Emmen Noord deden in november 2026 15 mensen
 * mee, 3 meer dan in oktober 2026." One sentence per indicator and case, in monitor.summary.
 */
export function summarize(answer: MonitorAnswer, t: TFunction, lang: string): string {
  const key = answer.indicator.key
  const line = answer.total
  const now = shownValue(line)
  const diff = difference(line, key)
  const which = summaryCase(line, key)
  return t(`monitor.summary.${key}.${which}`, {
    area: line.name,
    period: periodInWords(answer.period, t, lang, true),
    previous: periodInWords(answer.previous_period, t, lang, true),
    value: now === null ? '' : amountInWords(now, key, t, lang),
    diff: diff === null ? '' : amountInWords(Math.abs(diff), key, t, lang),
    min: answer.min_count,
  })
}
