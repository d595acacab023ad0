// The obstacles the matcher names (the API's Exclusion): why an offer does not fit a resident. Each side says them
// in its own words: the worker's batch proposals about a resident (worker.assign.obstacle.*), the resident's
// "Voor jou" to the resident, with how many offers (resident.forYou.leftOutCount.*). This module is what both
// share: which obstacles there are, and which access need one is about.
import type { Exclusion } from '../api/types'
import type { TagLabel } from './tags'

export type ExclusionCode = Exclusion['code']

/** Every obstacle the server can name: the type check fails here when the API gains or loses one. */
const KNOWN: Record<ExclusionCode, true> = {
  access_not_met: true,
  not_enough_guidance: true,
  no_shared_language: true,
  dutch_level_too_low: true,
  too_young: true,
  too_far: true,
  ended: true,
}

function isExclusionCode(code: string): code is ExclusionCode {
  return Object.hasOwn(KNOWN, code)
}

/** Every obstacle the server can name, for the texts and their tests. */
export const EXCLUSION_CODES: readonly ExclusionCode[] = Object.keys(KNOWN).filter(isExclusionCode)

/** An obstacle as the texts take it: its code, and for an unmet access need that need's label ('' otherwise). */
export interface NamedObstacle {
  code: ExclusionCode
  tag: string
}

/** The obstacle as the texts take it; null without one, or for a code this app does not know yet (a newer server). */
export function nameObstacle(obstacle: Exclusion | null | undefined, label: TagLabel): NamedObstacle | null {
  if (!obstacle || !isExclusionCode(obstacle.code)) return null
  return { code: obstacle.code, tag: obstacle.code === 'access_not_met' ? label('access', obstacle.tag) : '' }
}
