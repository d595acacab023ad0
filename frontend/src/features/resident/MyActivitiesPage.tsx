import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { sharedKeys } from '../../api/queries'
import { mySignups, residentKeys, withdrawSignup } from './api'
import type { MySignup, SignupStatus } from './types'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { useTokens } from '../../auth/useSession'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

const ACTIVE: readonly SignupStatus[] = ['pending', 'accepted', 'waitlisted']

export default function MyActivitiesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('resident.my.title'))
  const tokens = useTokens()
  const signups = useInfiniteQuery({
    queryKey: residentKeys.signups(),
    queryFn: ({ pageParam }: { pageParam: string | null }) => mySignups(pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled: tokens !== null,
  })

  if (!tokens) {
    return (
      <>
        <Heading1>{t('resident.my.title')}</Heading1>
        <Paragraph>{t('resident.my.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/my-activities">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  const items = signups.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <Heading1>{t('resident.my.title')}</Heading1>
      <Paragraph>{t('resident.my.intro')}</Paragraph>
      {signups.isPending && <Loading />}
      {signups.isError && <ErrorAlert error={signups.error} onRetry={() => void signups.refetch()} />}
      {signups.isSuccess && items.length === 0 && (
        <>
          <Paragraph>{t('resident.my.empty')}</Paragraph>
          <AppButtonLink to="/offers">{t('resident.my.findOne')}</AppButtonLink>
        </>
      )}
      <ul className="meedoen-cards">
        {items.map((s) => (
          <SignupCard key={s.id} signup={s} />
        ))}
      </ul>
      <LoadMore query={signups} label={t('resident.my.loadMore')} />
    </>
  )
}

function SignupCard({ signup }: { signup: MySignup }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const withdraw = useMutation({
    mutationFn: () => withdrawSignup(signup.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: residentKeys.signups() })
      void queryClient.invalidateQueries({ queryKey: sharedKeys.offer(signup.offer.id) })
    },
  })
  const status = withdraw.data?.status ?? signup.status
  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${signup.offer.id}`}>{signup.offer.title}</AppLink>
      </h2>
      <p className="meedoen-card__meta">
        {t('offerCard.by', { organisation: signup.offer.organisation_name })} · {t('offerCard.in', { district: signup.offer.district_name })}
      </p>
      <p>
        {t('resident.my.status')}: <strong className={`meedoen-status meedoen-status--${status}`}>{t(`status.${status}`)}</strong>
      </p>
      {status === 'waitlisted' && signup.waitlist_position != null && <p>{t('resident.my.position', { position: signup.waitlist_position })}</p>}
      {withdraw.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('resident.my.withdrawn', { title: signup.offer.title })}</Paragraph>
        </Alert>
      )}
      {withdraw.isError && <ErrorAlert error={withdraw.error} />}
      {ACTIVE.includes(status) && (
        <Button
          appearance="secondary-action-button"
          hint="danger"
          busy={withdraw.isPending}
          disabled={withdraw.isPending}
          aria-label={t('resident.my.withdrawLabel', { title: signup.offer.title })}
          onClick={() => withdraw.mutate()}
        >
          {withdraw.isPending ? t('resident.my.withdrawing') : t('resident.my.withdraw')}
        </Button>
      )}
    </li>
  )
}
