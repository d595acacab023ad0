// Wire types of the monitor, straight from the server's schema (src/api/schema.ts).
import { indicatorKeyValues, type components } from '../../api/schema'

type S = components['schemas']

export type { DistrictNode } from '../../api/types'
export type Indicator = S['IndicatorResponse']
export type IndicatorKey = S['IndicatorKey']
/** The five indicators, in the catalogue's order. */
export const INDICATOR_KEYS: readonly IndicatorKey[] = indicatorKeyValues
export type MonitorAnswer = S['MonitorResponse']
/** One area's or district's line: its figure in the period and in the period before. */
export type MonitorLine = S['MonitorLine']
/** One figure as shown: a suppressed one has no value, and a reason. */
export type Figure = S['Figure']
export type SuppressionReason = S['SuppressionReason']
