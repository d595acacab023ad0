// The type of every text key, so `t('a.missing.key')` fails the type check. The core texts (nl.ts) are loaded
// with the app; each feature adds its own under its name when its first page loads (features/*/texts.ts).
import type { nl as admin } from '../features/admin/i18n'
import type { nl as organisation } from '../features/organisation/i18n'
import type { nl as resident } from '../features/resident/i18n'
import type { nl as worker } from '../features/worker/i18n'
import type { ParseKeys } from 'i18next'
import type { nl } from './nl'

export type Texts = typeof nl & {
  admin: typeof admin
  organisation: typeof organisation
  resident: typeof resident
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
