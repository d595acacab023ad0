// The attendance API calls and query keys: an occurrence's register (read and record), a resident's "I can't
// come", a resident's participation, an offer's overview, the organisation's CSV and an offer's occurrences.
import { client } from '../../api/client'
import { expectOk, unwrap } from '../../api/errors'
import type { AttendanceEntry, AttendanceRegister, OfferOverview, Occurrence, Participation } from './types'

export const attendanceKeys = {
  all: ['attendance'] as const,
  register: (occurrenceId: string) => [...attendanceKeys.all, 'register', occurrenceId] as const,
  occurrences: (offerId: string, from: string, to: string) => [...attendanceKeys.all, 'occurrences', offerId, from, to] as const,
  overview: (offerId: string, from: string, to: string) => [...attendanceKeys.all, 'overview', offerId, from, to] as const,
  /** The signed-in resident's participation; every period starts with this key. */
  mine: () => [...attendanceKeys.all, 'mine'] as const,
  minePeriod: (from: string, to: string) => [...attendanceKeys.mine(), from, to] as const,
}

/** The register of one occurrence (members of the offer's organisation). */
export async function getRegister(occurrenceId: string): Promise<AttendanceRegister> {
  return unwrap(await client.GET('/api/v1/occurrences/{id}/attendance', { params: { path: { id: occurrenceId } } }))
}

/** Records who came, everyone in one request; the register as it is after saving. */
export async function recordAttendance(occurrenceId: string, items: AttendanceEntry[]): Promise<AttendanceRegister> {
  return unwrap(await client.PUT('/api/v1/occurrences/{id}/attendance', { params: { path: { id: occurrenceId } }, body: { items } }))
}

/** "I can't come": a resident with a place says so before a coming occurrence. */
export async function reportAbsence(occurrenceId: string): Promise<void> {
  expectOk(await client.POST('/api/v1/occurrences/{id}/absence', { params: { path: { id: occurrenceId } } }))
}

/** The signed-in resident's participation from `from` to `to` (`YYYY-MM-DD`, at most 366 days). */
export async function myParticipation(from: string, to: string): Promise<Participation> {
  return unwrap(await client.GET('/api/v1/me/participation', { params: { query: { from, to } } }))
}

/** An offer's attendance from `from` to `to` (members of its organisation). */
export async function offerOverview(offerId: string, from: string, to: string): Promise<OfferOverview> {
  return unwrap(await client.GET('/api/v1/offers/{id}/participation', { params: { path: { id: offerId }, query: { from, to } } }))
}

/** The organisation's attendance as a CSV file, fetched with the access token (a plain link cannot send it). */
export async function organisationCsv(organisationId: string, from: string, to: string): Promise<Blob> {
  const result = await client.GET('/api/v1/organisations/{id}/attendance.csv', {
    params: { path: { id: organisationId }, query: { from, to } },
    parseAs: 'blob',
  })
  return unwrap(result)
}

/** An offer's meetings from `from` to `to` (`YYYY-MM-DD`, Dutch local dates, at most 92 days), cancelled ones too. */
export async function listOccurrences(offerId: string, from: string, to: string): Promise<Occurrence[]> {
  return unwrap(await client.GET('/api/v1/offers/{id}/occurrences', { params: { path: { id: offerId }, query: { from, to } } })).items
}
