import { useTranslation } from 'react-i18next'

const NAMES = { nl: 'Nederlands', en: 'English' } as const

/** Buttons for Dutch and English; each name is written in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div role="group" aria-label={t('app.language')} className="meedoen-lang">
      {(Object.keys(NAMES) as (keyof typeof NAMES)[]).map((lng) => (
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
