import { useQuery } from '@tanstack/react-query'
import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { myLeftOut, myRecommendations, residentKeys } from './api'
import type { LeftOut } from './types'
import type { Recommendation } from '../../api/types'
import { useTags } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { ReasonList } from '../../components/ReasonList'
import { useTokens } from '../../auth/useSession'
import { nameObstacle } from '../../lib/obstacles'
import { inSentence, tagLabeller, type TagLabel } from '../../lib/tags'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

export default function ForYouPage() {
  const { t, i18n } = useTranslation()
  useDocumentTitle(t('resident.forYou.title'))
  const tokens = useTokens()
  const recs = useQuery({ queryKey: residentKeys.recommendations(), queryFn: myRecommendations, enabled: tokens !== null })
  const leftOut = useQuery({ queryKey: residentKeys.leftOut(), queryFn: myLeftOut, enabled: tokens !== null })
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
      {!recs.isPending && !tags.isPending && leftOut.data && <LeftOutSection items={leftOut.data} label={label} />}
    </>
  )
}

/** How many activities one obstacle keeps out, as a sentence: "7 activiteiten hebben niet wat jij nodig hebt: …". */
function leftOutSentence(item: LeftOut, t: TFunction, label: TagLabel): string {
  const obstacle = nameObstacle(item.obstacle, label)
  if (!obstacle) return t('resident.forYou.leftOutCount.otherNeed', { count: item.count })
  return t(`resident.forYou.leftOutCount.${obstacle.code}`, { count: item.count, tag: inSentence(obstacle.tag) })
}

/**
 * "Wat je niet ziet": what the resident's needs keep out of the recommendations, so that a need never hides offers
 * without saying so, with the way to the profile and to a neighbourhood worker; nothing when nothing is kept out.
 */
function LeftOutSection({ items, label }: { items: readonly LeftOut[]; label: TagLabel }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <section aria-labelledby="left-out-title">
      <Heading2 id="left-out-title">{t('resident.forYou.leftOut.title')}</Heading2>
      <Paragraph>{t('resident.forYou.leftOut.intro')}</Paragraph>
      <UnorderedList>
        {items.map((item) => {
          const tag = item.obstacle.code === 'access_not_met' ? item.obstacle.tag : ''
          return <UnorderedListItem key={`${item.obstacle.code}-${tag}`}>{leftOutSentence(item, t, label)}</UnorderedListItem>
        })}
      </UnorderedList>
      <Paragraph>
        {t('resident.forYou.leftOut.changed')} <AppLink to="/profile">{t('resident.forYou.leftOut.changeProfile')}</AppLink>
      </Paragraph>
      <Paragraph>{t('resident.forYou.leftOut.worker')}</Paragraph>
    </section>
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
