// Days, meetings and periods in Dutch local time (the municipality's time zone), whatever the time zone of the
// device: when an offer meets, in words (the offer cards and page), and the weeks and months of the printed
// programme with its dates and times in words.
import type { TFunction } from 'i18next'

const ZONE = 'Europe/Amsterdam'

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'nl-NL'
}

/** A meeting with a start and an end (an occurrence or a dated session), as the API sends it. */
export interface Meeting {
  starts_at: string
  ends_at: string
}

/** Whole days: a week from Monday to Sunday or a calendar month (the programme), or any run of days. */
export interface Period {
  kind: 'days' | 'month'
  /** The first day, `YYYY-MM-DD`. */
  from: string
  /** The last day (included), `YYYY-MM-DD`. */
  to: string
}

/** A `YYYY-MM-DD` day as midnight UTC; null for anything else, a day that does not exist (30 February) too. */
function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) || isoDay(date) !== day ? null : date
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The date of `when` (by default now) in Dutch local time, as `YYYY-MM-DD` (what the occurrences endpoint takes). */
export function localDate(when: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(when)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** `YYYY-MM-DD` plus `days` days. */
export function addDays(day: string, days: number): string {
  const date = parseDay(day)
  if (!date) return day
  date.setUTCDate(date.getUTCDate() + days)
  return isoDay(date)
}

/** The Monday of the week of `day`. */
function mondayOf(day: string): string {
  const date = parseDay(day)
  if (!date) return day
  return addDays(day, -((date.getUTCDay() + 6) % 7))
}

/** The week (Monday to Sunday) that `day` falls in. */
export function weekOf(day: string): Period {
  const from = mondayOf(day)
  return { kind: 'days', from, to: addDays(from, 6) }
}

/** The calendar month that `day` falls in. */
export function monthOf(day: string): Period {
  const from = `${day.slice(0, 7)}-01`
  const start = parseDay(from)
  if (!start) return { kind: 'month', from, to: from }
  const last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
  return { kind: 'month', from, to: isoDay(last) }
}

/** The `count` days from `day` on, as one period (the worker's printed offers: the coming four weeks). */
export function daysFrom(day: string, count: number): Period {
  return { kind: 'days', from: day, to: addDays(day, count - 1) }
}

/** A period in a URL: a week as the day it starts (`2026-12-07`), a month as `2026-12`; null when neither. */
export function parsePeriod(value: string | null): Period | null {
  if (value === null) return null
  if (/^\d{4}-\d{2}$/.test(value)) return parseDay(`${value}-01`) ? monthOf(`${value}-01`) : null
  return parseDay(value) ? weekOf(value) : null
}

/** The period as a URL and the programme's period select keep it (parsePeriod reads it back). */
export function periodValue(period: Period): string {
  return period.kind === 'month' ? period.from.slice(0, 7) : period.from
}

/** The weeks and months to choose from: this week and the next seven, this month and the next two. */
export function periodChoices(day: string): { weeks: Period[]; months: Period[] } {
  const week = weekOf(day)
  const weeks = Array.from({ length: 8 }, (_, i) => weekOf(addDays(week.from, 7 * i)))
  const months: Period[] = []
  let month = monthOf(day)
  for (let i = 0; i < 3; i++) {
    months.push(month)
    month = monthOf(addDays(month.to, 1))
  }
  return { weeks, months }
}

/** A calendar day (`YYYY-MM-DD`) in words: "1 februari 2027" / "1 February 2027", or "1 februari" without the year. */
export function formatDay(day: string, lang: string, withYear = true): string {
  const date = parseDay(day)
  if (!date) return day
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(date)
}

/** From when to when an offer runs, in words ("Van 1 februari 2027 tot en met 30 juni 2027"); null without dates. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined, t: TFunction, lang: string): string | null {
  if (start && end) return t('offerCard.period', { start: formatDay(start, lang), end: formatDay(end, lang) })
  if (start) return t('offerCard.periodFrom', { start: formatDay(start, lang) })
  if (end) return t('offerCard.periodUntil', { end: formatDay(end, lang) })
  return null
}

/** A period in words: "7 t/m 13 december 2026" for days, "december 2026" for a month. */
export function periodInWords(period: Period, t: TFunction, lang: string): string {
  if (period.kind === 'month') {
    const date = parseDay(period.from)
    return date ? new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(date) : period.from
  }
  return t('schedule.days', { from: firstDayInWords(period, lang), to: formatDay(period.to, lang) })
}

/** The first day of a period as far as it differs from the last: "7" (t/m 13 december 2026), "28 december" (t/m 3
 * januari 2027 of the same year), or the whole date when the year differs too. */
function firstDayInWords(period: Period, lang: string): string {
  if (period.from.slice(0, 7) === period.to.slice(0, 7)) return String(Number(period.from.slice(8, 10)))
  return formatDay(period.from, lang, period.from.slice(0, 4) !== period.to.slice(0, 4))
}

/**
 * The parts of a meeting in words: its day ("dinsdag 12 januari 2027", or "dinsdag 12 januari" without the year)
 * and its start and end times ("10:00"); null when a time cannot be read.
 */
function meetingParts(meeting: Meeting, lang: string, withYear: boolean): { day: string; start: string; end: string } | null {
  const starts = new Date(meeting.starts_at)
  const ends = new Date(meeting.ends_at)
  if (Number.isNaN(starts.getTime()) || Number.isNaN(ends.getTime())) return null
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) })
  const time = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return { day: day.format(starts).replace(',', ''), start: time.format(starts), end: time.format(ends) }
}

/** A meeting in words: "dinsdag 12 januari 2027, van 10:00 tot 11:30 uur". */
export function formatMeeting(meeting: Meeting, t: TFunction, lang: string): string {
  return t('offerCard.meeting', meetingParts(meeting, lang, true) ?? { day: meeting.starts_at, start: '', end: '' })
}

/** A meeting in a few words, without the year (the printed programme, under its period): "dinsdag 8 december, 10:00–12:00". */
export function occurrenceInWords(meeting: Meeting, t: TFunction, lang: string): string {
  const parts = meetingParts(meeting, lang, false)
  return parts ? t('schedule.occurrence', parts) : meeting.starts_at
}

/** The first meeting that has not ended at `now`, by start time; null when there is none. */
export function nextMeeting<M extends Meeting>(meetings: readonly M[], now: Date = new Date()): M | null {
  const upcoming = meetings
    .filter((m) => new Date(m.ends_at).getTime() > now.getTime())
    .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
  return upcoming[0] ?? null
}

/** The meetings in order of their start. */
export function byStart<M extends Meeting>(meetings: readonly M[]): M[] {
  return [...meetings].sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
}
