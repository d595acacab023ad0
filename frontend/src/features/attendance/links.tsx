import { Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import './texts'

// The links other features' pages show to the attendance pages, with their texts from this feature.

/** The link from "Mijn activiteiten" to my participation. */
export function ParticipationLink() {
  const { t } = useTranslation()
  return (
    <Paragraph>
      <AppLink to="/my-participation">{t('attendance.mine.link')}</AppLink>
    </Paragraph>
  )
}

/** The link from an offer's sign-ups to its attendance: the registers and the figures. */
export function OfferAttendanceLink({ offerId }: { offerId: string }) {
  const { t } = useTranslation()
  return (
    <Paragraph>
      <AppLink to={`/organisation/offers/${offerId}/attendance`}>{t('attendance.overview.link')}</AppLink>
    </Paragraph>
  )
}
