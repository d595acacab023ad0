import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { nl } from './nl'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const KEY = 'meedoen.lang'

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(KEY)
    if (saved === 'en' || saved === 'nl') return saved
  } catch {
    // no storage: Dutch
  }
  return 'nl'
}

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  // The resident, organisation, worker and admin texts arrive with their pages (src/features/*/texts.ts);
  // resources.ts types every key.
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
})

function applyLang(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}
applyLang(i18n.language)

i18n.on('languageChanged', (lng) => {
  applyLang(lng)
  try {
    localStorage.setItem(KEY, lng)
  } catch {
    // ignore
  }
})

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'nl'
}
