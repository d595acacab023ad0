import { useQuery } from '@tanstack/react-query'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { myRecommendations, residentKeys } from './api'
import type { Recommendation } from '../../api/types'
import { useTags } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { ReasonList } from '../../components/ReasonList'
import { useTokens } from '../../auth/useSession'
import { tagLabeller, type TagLabel } from '../../lib/tags'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

export default function ForYouPage() {
  const { t, i18n } = useTranslation()
  useDocumentTitle(t('resident.forYou.title'))
  const tokens = useTokens()
  const recs = useQuery({ queryKey: residentKeys.recommendations(), queryFn: myRecommendations, enabled: tokens !== null })
  const tags = useTags()

  if (!tokens) {
    return (
      <>
        <Heading1>{t('resident.forYou.title')}</Heading1>
        <Paragraph>{t('resident.forYou.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/for-you">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  const label = tagLabeller(tags.data ?? [], i18n.language)
  return (
    <>
      <Heading1>{t('resident.forYou.title')}</Heading1>
      <Paragraph>{t('resident.forYou.intro')}</Paragraph>
      {(recs.isPending || tags.isPending) && <Loading />}
      {recs.isError && <ErrorAlert error={recs.error} onRetry={() => void recs.refetch()} />}
      {recs.data && !tags.isPending && (
        <>
          {!recs.data.profile_completed && (
            <div className="meedoen-notice">
              <Paragraph>{t('resident.forYou.noProfile')}</Paragraph>
              <AppButtonLink to="/profile">{t('resident.forYou.fillProfile')}</AppButtonLink>
            </div>
          )}
          {recs.data.items.length === 0 ? (
            <Paragraph>{t('resident.forYou.empty')}</Paragraph>
          ) : (
            <ul className="meedoen-cards">
              {recs.data.items.map((r) => (
                <RecommendationCard key={r.offer.id} rec={r} label={label} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  )
}

function RecommendationCard({ rec, label }: { rec: Recommendation; label: TagLabel }) {
  const { t } = useTranslation()
  const { offer } = rec
  const headingId = `rec-${offer.id}`
  return (
    <li className="meedoen-card">
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      <h2 className="utrecht-heading-3 meedoen-card__title" id={headingId}>
        <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
      </h2>
      <p className="meedoen-card__meta">
        {t('offerCard.by', { organisation: offer.organisation_name })} · {t('offerCard.in', { district: offer.district_name })}
      </p>
      <p className={offer.free_places > 0 ? 'meedoen-places' : 'meedoen-places meedoen-places--full'}>
        {t('offerCard.freePlaces', { count: offer.free_places })}
      </p>
      {rec.proposed && (
        <p>
          <strong>{t('resident.forYou.proposed')}</strong> <AppLink to="/my-referrals">{t('resident.forYou.answer')}</AppLink>
        </p>
      )}
      <ReasonList reasons={rec.reasons} label={label} title={t('resident.forYou.why')} />
    </li>
  )
}
