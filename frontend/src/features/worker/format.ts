import type { TFunction } from 'i18next'
import { fromWindows, PARTS_OF_DAY, slotKey, WEEKDAYS } from '../../lib/availability'
import { nameObstacle } from '../../lib/obstacles'
import type { TagLabel } from '../../lib/tags'
import { formatSlots, weekdayName } from '../../lib/weekdays'
import type { ResidentProfile, Unmatched } from './types'

/** The availability windows in words: "dinsdag: ochtend, middag", then other times as weekly slots. */
export function availabilityInWords(windows: ResidentProfile['availability'], t: TFunction): string[] {
  const { parts, other } = fromWindows(windows)
  const lines: string[] = []
  for (const day of WEEKDAYS) {
    const dayParts = PARTS_OF_DAY.filter((p) => parts.has(slotKey(day, p))).map((p) => t(`worker.resident.${p}`))
    if (dayParts.length > 0) lines.push(t('worker.resident.dayParts', { day: weekdayName(day, t), parts: dayParts.join(', ') }))
  }
  return [...lines, ...formatSlots(other, t)]
}

/** A score from 0 to 1 as a label in words with the percentage. */
export function fitText(score: number, t: TFunction): { level: 'high' | 'good' | 'some'; text: string } {
  const level = score >= 0.7 ? 'high' : score >= 0.4 ? 'good' : 'some'
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100)
  return { level, text: t('worker.resident.fitPercent', { label: t(`worker.resident.fit_${level}`), percent }) }
}

/** Why a resident got no proposal, in words (every Exclusion value has a text). */
export function unmatchedText(u: Unmatched, t: TFunction, label: TagLabel): string {
  if (u.reason === 'no_free_place') return t('worker.assign.no_free_place')
  if (u.reason === 'proposal_open') return t('worker.assign.proposal_open')
  if (u.reason === 'placed') return t('worker.assign.placed')
  if (u.reason !== 'no_fitting_offer') return t('worker.assign.otherReason')
  const obstacle = nameObstacle(u.obstacle, label)
  if (!obstacle) return t('worker.assign.no_fitting_offer')
  return t('worker.assign.no_fitting_offer_because', { obstacle: t(`worker.assign.obstacle.${obstacle.code}`, { tag: obstacle.tag }) })
}

