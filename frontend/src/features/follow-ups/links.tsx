import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import './texts'

// The links other features' pages show to the follow-up pages, with their texts from this feature.

/** The link on the worker's start page, next to "Mijn voorstellen", with what the page is for. */
export function FollowUpsLink() {
  const { t } = useTranslation()
  return (
    <>
      <AppLink to="/worker/follow-ups">{t('followUps.link')}</AppLink>
      <p>{t('followUps.linkHelp')}</p>
    </>
  )
}
