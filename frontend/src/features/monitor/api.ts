// The monitor's API calls and query keys: the indicator catalogue, one answer (an indicator for a period in an
// area, per area or district below it) and the same answer as a CSV file.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { Language } from '../../i18n'
import type { Indicator, IndicatorKey, MonitorAnswer } from './types'

/** What is asked: which indicator, where (a municipality, area or district) and when (`2026-11`, `2026-Q4`). */
export interface MonitorQuestion {
  indicator: IndicatorKey
  area: string
  period: string
}

export const monitorKeys = {
  all: ['monitor'] as const,
  /** The catalogue in a language (its names and definitions are translated by the server). */
  indicators: (lang: Language) => [...monitorKeys.all, 'indicators', lang] as const,
  answer: (question: MonitorQuestion, lang: Language) => [...monitorKeys.all, 'answer', question.indicator, question.area, question.period, lang] as const,
}

/** The indicators with their names and exact definitions (public: the municipality's algorithm register). */
export async function listIndicators(lang: Language): Promise<Indicator[]> {
  return unwrap(await client.GET('/api/v1/monitor/indicators', { params: { query: { lang } } })).items
}

/** One answer: the figure of each area or district directly under `area`, its total, and the period before. */
export async function getMonitor(question: MonitorQuestion, lang: Language): Promise<MonitorAnswer> {
  return unwrap(await client.GET('/api/v1/monitor', { params: { query: { ...question, lang } } }))
}

/** A downloaded file: its contents and the name to save it under. */
export interface CsvFile {
  blob: Blob
  filename: string
}

/**
 * The file name a Content-Disposition header gives (`attachment; filename="monitor-hours-2026-11.csv"`, or the
 * encoded `filename*=UTF-8''…`), without any folder in it; null without one.
 */
export function attachmentName(header: string | null): string | null {
  if (!header) return null
  let name = /filename="?([^";]+)"?/i.exec(header)?.[1] ?? ''
  const encoded = /filename\*=(?:UTF-8'')?"?([^";]+)"?/i.exec(header)?.[1]
  if (encoded) {
    try {
      name = decodeURIComponent(encoded)
    } catch {
      // A broken encoding: the plain name, if there is one.
    }
  }
  name = name.split(/[\\/]/).pop()?.trim() ?? ''
  return name || null
}

/**
 * The same answer as a CSV file (names and definitions in `lang`), fetched with the access token (a plain link
 * cannot send it); named as the server says, else `monitor-<indicator>-<period>.csv`.
 */
export async function monitorCsv(question: MonitorQuestion, lang: Language): Promise<CsvFile> {
  const result = await client.GET('/api/v1/monitor', { params: { query: { ...question, format: 'csv', lang } }, parseAs: 'blob' })
  const blob = unwrap(result)
  const filename = attachmentName(result.response.headers.get('Content-Disposition')) ?? `monitor-${question.indicator}-${question.period}.csv`
  return { blob, filename }
}
