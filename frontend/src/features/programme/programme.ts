// What goes on paper: per district, the offers that meet in the period, each with its occurrences and its
// organisation's contact details. Pure, so the pages and the tests share it.
import { flattenDistrictTree } from '../../lib/districts'
import type { DistrictNode, Occurrence, Offer, Organisation } from './types'

export interface ProgrammeEntry {
  offer: Offer
  /** The occurrences that take place (cancelled ones left out), by start. */
  occurrences: Occurrence[]
  /** null when its details could not be loaded: the sheet then names the organisation only. */
  organisation: Organisation | null
}

export interface ProgrammeSheet {
  id: string
  title: string
  entries: ProgrammeEntry[]
}

/** The occurrences that take place, in order of their start. */
export function takingPlace(occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter((o) => !o.cancelled).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
}

function firstStart(entry: ProgrammeEntry): number {
  const first = entry.occurrences[0]
  return first ? Date.parse(first.starts_at) : Number.POSITIVE_INFINITY
}

/** Entries by their first occurrence, then by title. */
export function byFirstOccurrence(entries: readonly ProgrammeEntry[]): ProgrammeEntry[] {
  return [...entries].sort((a, b) => firstStart(a) - firstStart(b) || a.offer.title.localeCompare(b.offer.title))
}

/**
 * One sheet per district in `area` (the area itself when it is a district), in the tree's order, with the offers
 * that meet in the period; districts with nothing on are left out. An offer of a district outside the tree (one
 * retired since) gets a sheet of its own at the end.
 */
export function sheetsByDistrict(area: DistrictNode, entries: readonly ProgrammeEntry[]): ProgrammeSheet[] {
  const meeting = entries.filter((e) => e.occurrences.length > 0)
  const order = flattenDistrictTree([area])
    .filter((d) => d.kind === 'district')
    .map((d) => ({ id: d.id, title: d.name }))
  for (const entry of meeting) {
    if (!order.some((d) => d.id === entry.offer.district_id)) order.push({ id: entry.offer.district_id, title: entry.offer.district_name })
  }
  return order
    .map((d) => ({ ...d, entries: byFirstOccurrence(meeting.filter((e) => e.offer.district_id === d.id)) }))
    .filter((sheet) => sheet.entries.length > 0)
}
