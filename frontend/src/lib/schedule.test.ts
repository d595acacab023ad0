import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import {
  addDays,
  daysFrom,
  formatDay,
  formatMeeting,
  formatPeriod,
  localDate,
  monthOf,
  nextMeeting,
  occurrenceInWords,
  parsePeriod,
  periodChoices,
  periodInWords,
  periodValue,
  weekOf,
} from './schedule'

const nl = i18n.getFixedT('nl')
const en = i18n.getFixedT('en')

describe('schedule', () => {
  it('takes the date in Dutch local time, whatever the device’s time zone', () => {
    expect(localDate(new Date('2027-01-04T22:30:00Z'))).toBe('2027-01-04')
    expect(localDate(new Date('2027-01-04T23:30:00Z'))).toBe('2027-01-05')
    expect(localDate(new Date('2027-07-04T22:30:00Z'))).toBe('2027-07-05')
    expect(localDate(new Date('2026-12-08T23:30:00Z'))).toBe('2026-12-09')
    expect(localDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
  })

  it('adds days across months and years', () => {
    expect(addDays('2027-01-04', 55)).toBe('2027-02-28')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('not a day', 3)).toBe('not a day')
    expect(addDays('2026-02-30', 1)).toBe('2026-02-30')
  })

  it('writes days, meetings and periods in words', () => {
    expect(formatDay('2027-02-01', 'nl')).toBe('1 februari 2027')
    expect(formatDay('2027-02-01', 'en')).toBe('1 February 2027')
    expect(formatDay('2027-02-01', 'nl', false)).toBe('1 februari')
    // 18:00 UTC in winter is 19:00 in the Netherlands; in summer 17:00 UTC is 19:00.
    expect(formatMeeting({ starts_at: '2027-01-26T18:00:00Z', ends_at: '2027-01-26T20:00:00Z' }, nl, 'nl')).toBe('dinsdag 26 januari 2027, van 19:00 tot 21:00 uur')
    expect(formatMeeting({ starts_at: '2027-06-29T17:00:00Z', ends_at: '2027-06-29T18:30:00Z' }, en, 'en')).toBe('Tuesday 29 June 2027, 19:00 to 20:30')
    expect(formatPeriod('2027-01-05', '2027-06-29', nl, 'nl')).toBe('Van 5 januari 2027 tot en met 29 juni 2027')
    expect(formatPeriod('2027-01-05', null, nl, 'nl')).toBe('Vanaf 5 januari 2027')
    expect(formatPeriod(null, '2027-06-29', en, 'en')).toBe('Until 29 June 2027')
    expect(formatPeriod(null, undefined, nl, 'nl')).toBeNull()
  })

  it('finds the next meeting that has not ended', () => {
    const meetings = [
      { starts_at: '2027-02-02T18:00:00Z', ends_at: '2027-02-02T20:00:00Z' },
      { starts_at: '2027-01-12T18:00:00Z', ends_at: '2027-01-12T20:00:00Z' },
      { starts_at: '2027-01-26T18:00:00Z', ends_at: '2027-01-26T20:00:00Z' },
    ]
    expect(nextMeeting(meetings, new Date('2027-01-20T12:00:00Z'))).toBe(meetings[2])
    expect(nextMeeting(meetings, new Date('2027-01-26T19:00:00Z'))).toBe(meetings[2])
    expect(nextMeeting(meetings, new Date('2027-03-01T00:00:00Z'))).toBeNull()
  })
})

describe('the programme’s periods', () => {
  it('are weeks from Monday to Sunday, calendar months and runs of days', () => {
    expect(weekOf('2026-12-08')).toEqual({ kind: 'days', from: '2026-12-07', to: '2026-12-13' })
    expect(weekOf('2026-12-13')).toEqual({ kind: 'days', from: '2026-12-07', to: '2026-12-13' })
    expect(weekOf('2026-12-30')).toEqual({ kind: 'days', from: '2026-12-28', to: '2027-01-03' })
    expect(monthOf('2028-02-15')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' })
    expect(daysFrom('2026-12-08', 28)).toEqual({ kind: 'days', from: '2026-12-08', to: '2027-01-04' })
  })

  it('go into the URL and come back, and nonsense gives none', () => {
    expect(parsePeriod('2026-12-09')).toEqual(weekOf('2026-12-07'))
    expect(parsePeriod('2026-12')).toEqual(monthOf('2026-12-01'))
    expect(periodValue(weekOf('2026-12-09'))).toBe('2026-12-07')
    expect(periodValue(monthOf('2026-12-09'))).toBe('2026-12')
    for (const bad of [null, '', 'december', '2026-13', '2026-02-30', '2026-1-5']) expect(parsePeriod(bad)).toBeNull()
  })

  it('offer this week and the next seven, and this month and the next two, across the new year', () => {
    const { weeks, months } = periodChoices('2026-12-08')
    expect(weeks.map((w) => w.from)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'])
    expect(months.map((m) => periodValue(m))).toEqual(['2026-12', '2027-01', '2027-02'])
  })

  it('are said in words', () => {
    expect(periodInWords(weekOf('2026-12-08'), nl, 'nl')).toBe('7 t/m 13 december 2026')
    expect(periodInWords(weekOf('2026-11-30'), nl, 'nl')).toBe('30 november t/m 6 december 2026')
    expect(periodInWords(weekOf('2026-12-30'), nl, 'nl')).toBe('28 december 2026 t/m 3 januari 2027')
    expect(periodInWords(monthOf('2026-12-08'), nl, 'nl')).toBe('december 2026')
    expect(periodInWords(weekOf('2026-12-08'), en, 'en')).toBe('7 to 13 December 2026')
    expect(periodInWords(monthOf('2026-12-08'), en, 'en')).toBe('December 2026')
  })
})

describe('an occurrence in words', () => {
  it('is its day and times in Dutch local time, in winter and in summer, without the year', () => {
    const winter = { id: 'x', starts_at: '2026-12-08T09:00:00Z', ends_at: '2026-12-08T11:00:00Z', cancelled: false }
    const summer = { id: 'y', starts_at: '2027-06-01T07:30:00Z', ends_at: '2027-06-01T09:00:00Z', cancelled: false }
    expect(occurrenceInWords(winter, nl, 'nl')).toBe('dinsdag 8 december, 10:00–12:00')
    expect(occurrenceInWords(summer, nl, 'nl')).toBe('dinsdag 1 juni, 09:30–11:00')
    expect(occurrenceInWords(winter, en, 'en')).toBe('Tuesday 8 December, 10:00–12:00')
    expect(occurrenceInWords({ starts_at: 'later', ends_at: 'later' }, nl, 'nl')).toBe('later')
  })
})
