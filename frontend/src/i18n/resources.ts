// The type of every text key, so `t('a.missing.key')` fails the type check. The core texts (nl.ts) are loaded
// with the app; each feature adds its own under its name when its first page loads (features/*/texts.ts).
import type { nl as admin } from '../features/admin/i18n'
import type { nl as attendance } from '../features/attendance/i18n'
import type { nl as conversations } from '../features/conversations/i18n'
import type { nl as followUps } from '../features/follow-ups/i18n'
import type { nl as monitor } from '../features/monitor/i18n'
import type { nl as notifications } from '../features/notifications/i18n'
import type { nl as organisation } from '../features/organisation/i18n'
import type { nl as participationStatement } from '../features/statements/i18n'
import type { nl as programme } from '../features/programme/i18n'
import type { nl as publicOrganisation } from '../features/public-organisation/i18n'
import type { nl as resident } from '../features/resident/i18n'
import type { nl as site } from '../features/site/i18n'
import type { nl as statements } from '../features/site/statements/i18n'
import type { nl as worker } from '../features/worker/i18n'
import type { ParseKeys } from 'i18next'
import type { nl } from './nl'

export type Texts = typeof nl & {
  admin: typeof admin
  attendance: typeof attendance
  conversations: typeof conversations
  followUps: typeof followUps
  monitor: typeof monitor
  notifications: typeof notifications
  organisation: typeof organisation
  participationStatement: typeof participationStatement
  programme: typeof programme
  publicOrganisation: typeof publicOrganisation
  resident: typeof resident
  site: typeof site
  statements: typeof statements
  worker: typeof worker
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Texts }
  }
}

/** One text key, for code that passes keys around (menus, error summaries). */
export type TextKey = ParseKeys
