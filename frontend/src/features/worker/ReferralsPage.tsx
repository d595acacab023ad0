import { useInfiniteQuery } from '@tanstack/react-query'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { formatDateTime } from '../../lib/dates'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { Timeline } from '../follow-ups/Timeline'
import { workerKeys, workerReferrals } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { WorkerReferral } from './types'
import { RoleGate } from '../../components/RoleGate'
import './worker.css'
import './texts'

export default function ReferralsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('worker.referrals.title'))
  return (
    <RoleGate role="worker" title={t('worker.referrals.title')}>
      <Referrals />
    </RoleGate>
  )
}

function Referrals() {
  const { t } = useTranslation()
  const referrals = useInfiniteQuery({
    queryKey: workerKeys.referrals(),
    queryFn: ({ pageParam }: { pageParam: string | null }) => workerReferrals(pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
  const items = referrals.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <p className="meedoen-worker__back">
        <AppLink to="/worker">{t('worker.residents.back')}</AppLink>
      </p>
      <Heading1>{t('worker.referrals.title')}</Heading1>
      <Paragraph>{t('worker.referrals.intro')}</Paragraph>
      {referrals.isPending && <Loading />}
      {referrals.isError && <ErrorAlert scope="worker" error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.isSuccess && items.length === 0 && <Paragraph>{t('worker.referrals.empty')}</Paragraph>}
      {items.length > 0 && (
        <ul className="meedoen-cards">
          {items.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </ul>
      )}
      <LoadMore query={referrals} label={t('worker.referrals.loadMore')} loadingLabel={t('app.loading')} />
    </>
  )
}

function ReferralCard({ referral: r }: { referral: WorkerReferral }) {
  const { t, i18n } = useTranslation()
  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${r.offer_id}`}>{r.offer_title}</AppLink>
      </h2>
      <p className="meedoen-card__meta">
        {t('worker.referrals.to', { name: r.resident_display_name })}
      </p>
      <dl className="meedoen-log__entry">
        <dt>{t('worker.referrals.date')}</dt>
        <dd>
          <time dateTime={r.created_at}>{formatDateTime(r.created_at, i18n.language)}</time>
        </dd>
        <dt>{t('worker.referrals.answer')}</dt>
        <dd>
          <strong className={`meedoen-status meedoen-status--${r.status}`}>{t(`worker.referrals.status_${r.status}`)}</strong>
        </dd>
        {r.signup_status && (
          <>
            <dt>{t('worker.referrals.signup')}</dt>
            <dd>{t(`status.${r.signup_status}`)}</dd>
          </>
        )}
        {r.decline_reason && (
          <>
            <dt>{t('worker.referrals.declineReason')}</dt>
            <dd>{r.decline_reason}</dd>
          </>
        )}
        {r.note && (
          <>
            <dt>{t('worker.referrals.note')}</dt>
            <dd className="meedoen-worker__note">{r.note}</dd>
          </>
        )}
      </dl>
      <Timeline milestones={r.milestones} outcome={r.outcome} reason={r.outcome_reason} perspective="worker" />
      <p>
        <AppLink to={`/conversations/referral/${r.id}`} aria-label={t('worker.referrals.messagesLabel', { name: r.resident_display_name, title: r.offer_title })}>
          {t('worker.referrals.messages')}
        </AppLink>
      </p>
    </li>
  )
}
