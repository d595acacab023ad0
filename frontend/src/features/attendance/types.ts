// Wire types of attendance and participation, straight from the server's schema (src/api/schema.ts).
import { attendanceStatusValues, type components } from '../../api/schema'

type S = components['schemas']

export type AttendanceRegister = S['AttendanceRegister']
export type AttendanceLine = S['AttendanceLine']
export type AttendanceEntry = S['AttendanceEntry']
export type AttendanceStatus = S['AttendanceStatus']
/** Present, absent, excused: the order of the register's buttons. */
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = attendanceStatusValues
export type Participation = S['Participation']
export type AttendanceRecord = S['AttendanceRecord']
export type OfferOverview = S['OfferOverview']
export type HeldOccurrence = S['HeldOccurrence']
export type Occurrence = S['OccurrenceResponse']
