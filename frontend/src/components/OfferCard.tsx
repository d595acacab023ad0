import { useTranslation } from 'react-i18next'
import type { Offer } from '../api/types'
import { formatMeeting, nextMeeting } from '../lib/schedule'
import { formatSlots } from '../lib/weekdays'
import { AppLink } from './AppLink'

/** How many weekly times a card names; the rest it counts. */
const SLOTS_SHOWN = 2

/**
 * One offer in a list (the offers, an organisation's public page): its title as a link, kind, when (the weekly
 * times, or else the next dated session), organisation, district and free places.
 */
export function OfferCard({ offer, headingLevel = 3, showOrganisation = true }: { offer: Offer; headingLevel?: 2 | 3; showOrganisation?: boolean }) {
  const { t, i18n } = useTranslation()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const slots = formatSlots(offer.weekly_slots, t)
  const next = slots.length === 0 ? nextMeeting(offer.sessions) : null
  return (
    <li className="meedoen-card">
      <Heading className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
      </Heading>
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      {slots.slice(0, SLOTS_SHOWN).map((slot) => (
        <p key={slot} className="meedoen-card__when">
          {slot}
        </p>
      ))}
      {slots.length > SLOTS_SHOWN && <p className="meedoen-card__when">{t('offerCard.moreSlots', { count: slots.length - SLOTS_SHOWN })}</p>}
      {next && <p className="meedoen-card__when">{t('offerCard.next', { meeting: formatMeeting(next, t, i18n.language) })}</p>}
      <p className="meedoen-card__meta">
        {showOrganisation
          ? `${t('offerCard.by', { organisation: offer.organisation_name })} · ${t('offerCard.in', { district: offer.district_name })}`
          : t('offerCard.in', { district: offer.district_name })}
      </p>
      <p className={offer.free_places > 0 ? 'meedoen-places' : 'meedoen-places meedoen-places--full'}>
        {t('offerCard.freePlaces', { count: offer.free_places })}
      </p>
    </li>
  )
}
