// Every text key is used somewhere in the source, and every language has the same keys. (A key the source uses
// but the texts lack fails the type check: see resources.ts.)
import { describe, expect, it } from 'vitest'
import openapi from '../../openapi.json'
import * as admin from '../features/admin/i18n'
import * as attendance from '../features/attendance/i18n'
import * as conversations from '../features/conversations/i18n'
import * as followUps from '../features/follow-ups/i18n'
import * as monitor from '../features/monitor/i18n'
import * as notifications from '../features/notifications/i18n'
import * as organisation from '../features/organisation/i18n'
import * as participationStatement from '../features/statements/i18n'
import * as programme from '../features/programme/i18n'
import * as publicOrganisation from '../features/public-organisation/i18n'
import * as resident from '../features/resident/i18n'
import * as site from '../features/site/i18n'
import * as statements from '../features/site/statements/i18n'
import * as worker from '../features/worker/i18n'
import { en } from './en'
import { nl } from './nl'

/** The texts of each language: the core ones, then each feature's under its own key (as texts.ts adds them). */
const LANGUAGES = {
  nl: {
    ...nl,
    admin: admin.nl,
    attendance: attendance.nl,
    conversations: conversations.nl,
    followUps: followUps.nl,
    monitor: monitor.nl,
    notifications: notifications.nl,
    organisation: organisation.nl,
    participationStatement: participationStatement.nl,
    programme: programme.nl,
    publicOrganisation: publicOrganisation.nl,
    resident: resident.nl,
    site: site.nl,
    statements: statements.nl,
    worker: worker.nl,
  },
  en: {
    ...en,
    admin: admin.en,
    attendance: attendance.en,
    conversations: conversations.en,
    followUps: followUps.en,
    monitor: monitor.en,
    notifications: notifications.en,
    organisation: organisation.en,
    participationStatement: participationStatement.en,
    programme: programme.en,
    publicOrganisation: publicOrganisation.en,
    resident: resident.en,
    site: site.en,
    statements: statements.en,
    worker: worker.en,
  },
}

/** The texts by their dotted paths (`app.name`), in order. */
function leaves(texts: object, prefix = ''): [string, unknown][] {
  return Object.entries(texts).flatMap(([key, value]: [string, unknown]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  )
}

function leafKeys(texts: object): string[] {
  return leaves(texts).map(([key]) => key)
}

/** i18next picks `key_one`, `key_other`… for t('key', { count }). */
const PLURAL = /_(zero|one|two|few|many|other)$/

/** The source the texts are for: not the tests, not the texts themselves, not the generated schema. */
const SOURCES = Object.entries(import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }))
  .filter(([path]) => !/\.test\.tsx?$|\/i18n\.ts$|\/i18n\/(nl|en)\.ts$|\/api\/schema\.ts$|\/test\//.test(path))
  .map(([, text]) => text)
const SOURCE = SOURCES.join('\n')

/** Whether the source spells out `text` as a string: 'text', "text" or `text`. */
function spelledOut(text: string): boolean {
  return [`'${text}'`, `"${text}"`, `\`${text}\``].some((quoted) => SOURCE.includes(quoted))
}

/** Every value of an enum in the API document: the parts of keys like `kind.${offer.kind}`. */
function enumValues(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(enumValues)
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]: [string, unknown]) =>
    key === 'enum' && Array.isArray(value) ? value.filter((v) => typeof v === 'string') : enumValues(value),
  )
}
const ENUM_VALUES = new Set(enumValues(openapi))

/** What a placeholder in a key may stand for: an enum value, a string the source spells out, or a number (weekdays). */
function knownPart(part: string): boolean {
  return ENUM_VALUES.has(part) || spelledOut(part) || /^\d+$/.test(part)
}

const TOP_LEVEL = new Set(Object.keys(LANGUAGES.nl))

/**
 * Keys made from a template, like t(`kind.${offer.kind}`): each becomes a pattern whose placeholders stand for one
 * part of a key. Only templates that start with a text group (`kind.`) count.
 */
const TEMPLATES = [...SOURCE.matchAll(/\bt\(\s*`([^`]*)`/g)]
  .map((m) => m[1] ?? '')
  .filter((text) => text.includes('${') && TOP_LEVEL.has(text.split('.')[0] ?? ''))
  .map((text) => {
    const parts = text.split(/\$\{[^}]*\}/)
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`^${parts.map(escape).join('([A-Za-z0-9_]+)')}$`)
  })

function isUsed(key: string): boolean {
  const base = key.replace(PLURAL, '')
  if (spelledOut(base)) return true
  return TEMPLATES.some((pattern) => {
    const match = pattern.exec(base)
    return match !== null && match.slice(1).every(knownPart)
  })
}

describe('the texts', () => {
  it('are all used in the source', () => {
    const keys = leafKeys(LANGUAGES.nl)
    expect(keys.length).toBeGreaterThan(500)
    expect(keys.filter((key) => !isUsed(key))).toEqual([])
  })

  it('notice a key that nothing uses', () => {
    expect(isUsed('app.name')).toBe(true)
    expect(isUsed('kind.course')).toBe(true)
    expect(isUsed('resident.offers.results_other')).toBe(true)
    expect(isUsed('app.noSuchText')).toBe(false)
    expect(isUsed('kind.noSuchKind')).toBe(false)
  })

  it('have the same keys in Dutch and English, none of them empty', () => {
    expect(leafKeys(LANGUAGES.en)).toEqual(leafKeys(LANGUAGES.nl))
    const empty = (texts: object) => leaves(texts).filter(([, text]) => typeof text !== 'string' || text.trim() === '')
    expect(empty(LANGUAGES.nl)).toEqual([])
    expect(empty(LANGUAGES.en)).toEqual([])
  })
})
