import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../i18n'

const NAMES: Readonly<Record<Language, string>> = { nl: 'Nederlands', en: 'English' }

/** Buttons for Dutch and English; each name is written in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div role="group" aria-label={t('app.language')} className="meedoen-lang">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="meedoen-lang__button"
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {NAMES[lng]}
        </button>
      ))}
    </div>
  )
}
