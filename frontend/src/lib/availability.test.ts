import { describe, expect, it } from 'vitest'
import { fromWindows, slotKey, toAvailability } from './availability'

describe('availability', () => {
  it('checks the parts of the day that saved windows cover', () => {
    const state = fromWindows([
      { weekday: 2, start: '08:00', end: '12:00' },
      { weekday: 4, start: '08:00', end: '17:00' },
      { weekday: 5, start: '17:00', end: '22:00' },
    ])
    expect([...state.parts].sort()).toEqual(['2-morning', '4-afternoon', '4-morning', '5-evening'])
    expect(state.other).toEqual([])
  })

  it('keeps windows that are not a whole part of the day', () => {
    const state = fromWindows([{ weekday: 3, start: '09:00', end: '11:00' }])
    expect(state.parts.size).toBe(0)
    expect(state.other).toEqual([{ weekday: 3, start: '09:00', end: '11:00' }])
    expect(toAvailability(state)).toEqual([{ weekday: 3, start: '09:00', end: '11:00' }])
  })

  it('turns checkboxes into {weekday, part_of_day}, Monday morning first', () => {
    const parts = new Set([slotKey(7, 'evening'), slotKey(1, 'afternoon'), slotKey(1, 'morning')])
    expect(toAvailability({ parts, other: [] })).toEqual([
      { weekday: 1, part_of_day: 'morning' },
      { weekday: 1, part_of_day: 'afternoon' },
      { weekday: 7, part_of_day: 'evening' },
    ])
  })

  it('round-trips what the server stores for parts of the day', () => {
    const saved = [
      { weekday: 2, start: '08:00', end: '12:00' },
      { weekday: 6, start: '12:00', end: '17:00' },
    ]
    expect(toAvailability(fromWindows(saved))).toEqual([
      { weekday: 2, part_of_day: 'morning' },
      { weekday: 6, part_of_day: 'afternoon' },
    ])
  })

  it('saves nothing when nothing is checked', () => {
    expect(toAvailability(fromWindows([]))).toEqual([])
  })
})
