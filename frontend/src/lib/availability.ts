import { partOfDayValues } from '../api/schema'
import type { AvailabilityInput, AvailabilityWindow, PartOfDay } from '../api/types'
import { WEEKDAYS } from './weekdays'

export const PARTS_OF_DAY: readonly PartOfDay[] = partOfDayValues
export { WEEKDAYS } from './weekdays'

/** The hours the server stores for each part of the day. */
export const PART_HOURS: Readonly<Record<PartOfDay, { start: string; end: string }>> = {
  morning: { start: '08:00', end: '12:00' },
  afternoon: { start: '12:00', end: '17:00' },
  evening: { start: '17:00', end: '22:00' },
}

/** The key of one checkbox: "2-morning". */
export function slotKey(weekday: number, part: PartOfDay): string {
  return `${weekday}-${part}`
}

export interface AvailabilityState {
  /** Checked weekday × part of the day boxes. */
  parts: Set<string>
  /** Windows of the saved profile that are not whole parts of the day (kept as they are). */
  other: AvailabilityWindow[]
}

/** The saved windows as checkboxes: a part is checked when a window covers it entirely. */
export function fromWindows(windows: readonly AvailabilityWindow[]): AvailabilityState {
  const parts = new Set<string>()
  const other: AvailabilityWindow[] = []
  for (const w of windows) {
    let covered = false
    for (const part of PARTS_OF_DAY) {
      const h = PART_HOURS[part]
      if (w.start <= h.start && w.end >= h.end) {
        parts.add(slotKey(w.weekday, part))
        covered = true
      }
    }
    if (!covered) other.push({ weekday: w.weekday, start: w.start, end: w.end })
  }
  return { parts, other }
}

/** The checkboxes (and kept windows) as the PUT body's `availability`, Monday morning first. */
export function toAvailability(state: AvailabilityState): AvailabilityInput[] {
  const out: AvailabilityInput[] = []
  for (const weekday of WEEKDAYS) {
    for (const part of PARTS_OF_DAY) {
      if (state.parts.has(slotKey(weekday, part))) out.push({ weekday, part_of_day: part })
    }
  }
  for (const w of state.other) out.push({ weekday: w.weekday, start: w.start, end: w.end })
  return out
}
