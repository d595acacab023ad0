import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { attachmentName } from './api'
import { isPeriod, lastMonths, lastQuarters, periodInWords } from './period'
import { difference, figureText, formatNumber, summarize, summaryCase } from './summary'
import type { Figure, IndicatorKey, MonitorAnswer, MonitorLine } from './types'
import './texts'

const nl = i18n.getFixedT('nl')
const en = i18n.getFixedT('en')

const shown = (value: number): Figure => ({ value, suppressed: false, reason: null })
const small: Figure = { value: null, suppressed: true, reason: 'small' }
const protects: Figure = { value: null, suppressed: true, reason: 'protects' }

function line(current: Figure, previous: Figure): MonitorLine {
  return { district_id: 'a1', name: 'Emmen Noord', kind: 'area', ...current, previous }
}

function answer(key: IndicatorKey, current: Figure, previous: Figure, period = '2026-11', previousPeriod = '2026-10'): MonitorAnswer {
  return {
    indicator: { key, theme: 'participation', name: 'x', definition: 'x', counts: 'residents' },
    period,
    previous_period: previousPeriod,
    min_count: 5,
    items: [],
    total: line(current, previous),
  }
}

describe('the monitor’s periods', () => {
  it('offers the last 24 months and 8 quarters, newest first, the one under way included', () => {
    const months = lastMonths('2026-11-08')
    expect(months).toHaveLength(24)
    expect(months.slice(0, 3)).toEqual(['2026-11', '2026-10', '2026-09'])
    expect(months.at(-1)).toBe('2024-12')
    expect(lastQuarters('2026-11-08')).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1'])
    expect(lastQuarters('2027-01-01', 2)).toEqual(['2027-Q1', '2026-Q4'])
  })

  it('reads what the server reads, and nothing else', () => {
    expect(['2026-11', '2026-Q4', '2026-01..2026-06'].every(isPeriod)).toBe(true)
    expect(['2026-13', '2026-Q5', '2026-6', '2026-06..2026-01', 'november', ''].some(isPeriod)).toBe(false)
    expect(isPeriod(null)).toBe(false)
  })

  it('says a period in words, a quarter in a sentence too', () => {
    expect(periodInWords('2026-11', nl, 'nl')).toBe('november 2026')
    expect(periodInWords('2026-11', en, 'en')).toBe('November 2026')
    expect(periodInWords('2026-Q4', nl, 'nl')).toBe('4e kwartaal 2026')
    expect(periodInWords('2026-Q4', nl, 'nl', true)).toBe('het 4e kwartaal van 2026')
    expect(periodInWords('2026-Q4', en, 'en')).toBe('Q4 2026')
    expect(periodInWords('2026-01..2026-06', nl, 'nl')).toBe('januari 2026 t/m juni 2026')
  })
})

describe('the monitor’s figures', () => {
  it('writes numbers the Dutch or English way, hours to one decimal', () => {
    expect(formatNumber(1234, 'active_residents', 'nl')).toBe('1.234')
    expect(formatNumber(1234, 'active_residents', 'en')).toBe('1,234')
    expect(formatNumber(37.5, 'hours', 'nl')).toBe('37,5')
    expect(formatNumber(12, 'hours', 'nl')).toBe('12,0')
    expect(formatNumber(3, 'signups', 'nl', true)).toBe('+3')
    expect(formatNumber(-1.5, 'hours', 'nl', true)).toBe('-1,5')
    expect(formatNumber(0, 'signups', 'nl', true)).toBe('0')
  })

  it('shows a hidden figure as "< 5" or "×", never as a number', () => {
    expect(figureText(shown(7), 'active_residents', 'nl', 5)).toBe('7')
    expect(figureText(small, 'active_residents', 'nl', 5)).toBe('< 5')
    expect(figureText(protects, 'active_residents', 'nl', 5)).toBe('×')
    expect(figureText(small, 'active_residents', 'nl', 10)).toBe('< 10')
  })

  it('works out the difference only when both figures are shown, rounded as they are', () => {
    expect(difference(line(shown(15), shown(12)), 'active_residents')).toBe(3)
    expect(difference(line(shown(37.5), shown(34.2)), 'hours')).toBe(3.3)
    expect(difference(line(shown(15), small), 'active_residents')).toBeNull()
    expect(difference(line(protects, shown(12)), 'active_residents')).toBeNull()
  })

  it('picks the sentence from how the figures compare, or why one is hidden', () => {
    expect(summaryCase(line(shown(15), shown(12)), 'active_residents')).toBe('more')
    expect(summaryCase(line(shown(10), shown(12)), 'active_residents')).toBe('fewer')
    expect(summaryCase(line(shown(12), shown(12)), 'active_residents')).toBe('same')
    expect(summaryCase(line(shown(12), small), 'active_residents')).toBe('previousSmall')
    expect(summaryCase(line(shown(12), protects), 'active_residents')).toBe('previousProtects')
    expect(summaryCase(line(small, shown(12)), 'active_residents')).toBe('small')
    expect(summaryCase(line(protects, small), 'active_residents')).toBe('protects')
  })
})

describe('summarize', () => {
  it('says more, fewer or the same in words', () => {
    expect(summarize(answer('active_residents', shown(15), shown(12)), nl, 'nl')).toBe(
      'In Emmen Noord deden in november 2026 15 mensen mee, 3 meer dan in oktober 2026.',
    )
    expect(summarize(answer('active_residents', shown(9), shown(12)), nl, 'nl')).toBe(
      'In Emmen Noord deden in november 2026 9 mensen mee, 3 minder dan in oktober 2026.',
    )
    expect(summarize(answer('active_residents', shown(12), shown(12)), nl, 'nl')).toBe(
      'In Emmen Noord deden in november 2026 12 mensen mee, evenveel als in oktober 2026.',
    )
    expect(summarize(answer('active_residents', shown(15), shown(12)), en, 'en')).toBe(
      'In Emmen Noord, 15 people took part in November 2026, 3 more than in October 2026.',
    )
  })

  it('says hours with one decimal and their unit', () => {
    expect(summarize(answer('hours', shown(37.5), shown(36)), nl, 'nl')).toBe(
      'In Emmen Noord waren mensen in november 2026 samen 37,5 uur aanwezig, 1,5 uur meer dan in oktober 2026.',
    )
    expect(summarize(answer('hours', shown(37.5), shown(38.5)), en, 'en')).toBe(
      'In Emmen Noord, people were present for 37.5 hours in total in November 2026, 1.0 hour less than in October 2026.',
    )
  })

  it('says when the period before or this period is hidden, and why', () => {
    expect(summarize(answer('active_residents', shown(15), small), nl, 'nl')).toBe(
      'In Emmen Noord deden in november 2026 15 mensen mee. In oktober 2026 waren het er minder dan 5.',
    )
    expect(summarize(answer('active_residents', shown(15), protects), nl, 'nl')).toBe(
      'In Emmen Noord deden in november 2026 15 mensen mee. Het cijfer van oktober 2026 is afgeschermd.',
    )
    expect(summarize(answer('active_residents', small, shown(12)), nl, 'nl')).toBe('In Emmen Noord deden in november 2026 minder dan 5 mensen mee.')
    expect(summarize(answer('signups', protects, shown(12)), nl, 'nl')).toBe(
      'Hoe vaak mensen zich in Emmen Noord in november 2026 aanmeldden, laten we niet zien: dit cijfer is afgeschermd.',
    )
    expect(summarize(answer('hours', small, shown(12)), en, 'en')).toBe(
      'In Emmen Noord, fewer than 5 people were present in November 2026. That is why we do not show the hours.',
    )
  })

  it('says a quarter as a sentence does', () => {
    expect(summarize(answer('residents_with_profile', shown(40), shown(30), '2026-Q4', '2026-Q3'), nl, 'nl')).toBe(
      'In Emmen Noord hadden aan het eind van het 4e kwartaal van 2026 40 mensen een profiel, 10 meer dan aan het eind van het 3e kwartaal van 2026.',
    )
  })
})

describe('attachmentName', () => {
  it('takes the file name from Content-Disposition, without folders', () => {
    expect(attachmentName('attachment; filename="monitor-hours-2026-11.csv"')).toBe('monitor-hours-2026-11.csv')
    expect(attachmentName("attachment; filename*=UTF-8''monitor-%C3%A9.csv")).toBe('monitor-é.csv')
    expect(attachmentName('attachment; filename="../../x.csv"')).toBe('x.csv')
    expect(attachmentName('attachment')).toBeNull()
    expect(attachmentName(null)).toBeNull()
  })
})
