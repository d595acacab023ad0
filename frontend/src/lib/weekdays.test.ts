import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { formatSlot, formatSlots, weekdayName } from './weekdays'

const nl = i18n.getFixedT('nl')
const en = i18n.getFixedT('en')

describe('weekdays', () => {
  it('names ISO weekdays, Monday = 1', () => {
    expect(weekdayName(1, nl)).toBe('maandag')
    expect(weekdayName(7, nl)).toBe('zondag')
    expect(weekdayName(2, en)).toBe('Tuesday')
    expect(weekdayName(0, en)).toBe('')
    expect(weekdayName(8, nl)).toBe('')
  })

  it('writes a slot in words', () => {
    const slot = { weekday: 2, start: '10:00', end: '11:30' }
    expect(formatSlot(slot, nl)).toBe('Elke dinsdag van 10:00 tot 11:30 uur')
    expect(formatSlot(slot, en)).toBe('Every Tuesday from 10:00 to 11:30')
  })

  it('sorts slots by weekday and start time', () => {
    const slots = [
      { weekday: 4, start: '13:00', end: '15:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 4, start: '09:30', end: '11:00' },
    ]
    expect(formatSlots(slots, nl)).toEqual([
      'Elke maandag van 09:00 tot 12:00 uur',
      'Elke donderdag van 09:30 tot 11:00 uur',
      'Elke donderdag van 13:00 tot 15:00 uur',
    ])
  })
})
