import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { sharedKeys } from '../../api/queries'
import { mySignups, residentKeys, signupCalendar, withdrawSignup } from './api'
import { ParticipationLink } from '../attendance/links'
import { NextMeetings } from '../attendance/NextMeetings'
import { CalendarFeedSection } from './CalendarFeedSection'
import type { MySignup, SignupStatus } from './types'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InlineConfirm, useInlineConfirm } from '../../components/InlineConfirm'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { useTokens } from '../../auth/useSession'
import { saveFile } from '../../lib/saveFile'
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
      <ParticipationLink />
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
      <CalendarFeedSection />
    </>
  )
}

/**
 * One sign-up. Withdrawing asks first, inline: "Afmelden" opens the question with a yes and a no button, and the
 * focus goes to the question; "no" (or Escape) closes it and gives the focus back to "Afmelden"; after "yes" the
 * focus goes to the message that it worked.
 */
function SignupCard({ signup }: { signup: MySignup }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const withdraw = useMutation({
    mutationFn: () => withdrawSignup(signup.id),
    onSuccess: () => {
      confirm.close()
      void queryClient.invalidateQueries({ queryKey: residentKeys.signups() })
      void queryClient.invalidateQueries({ queryKey: sharedKeys.offer(signup.offer.id) })
    },
  })
  // The .ics needs the access token, so it is fetched and then saved, not linked.
  const download = useMutation({
    mutationFn: () => signupCalendar(signup.id),
    onSuccess: (blob) => saveFile(blob, 'meedoen.ics'),
  })
  const { openerRef, questionRef, doneRef, ...confirm } = useInlineConfirm(withdraw)
  const status = withdraw.data?.status ?? signup.status
  const questionId = `withdraw-${signup.id}-question`

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
      {status === 'accepted' && <NextMeetings offerId={signup.offer.id} title={signup.offer.title} />}
      <p>
        <AppLink to={`/conversations/signup/${signup.id}`} aria-label={t('resident.my.messagesLabel', { title: signup.offer.title })}>
          {t('resident.my.messages')}
        </AppLink>
      </p>
      {withdraw.isSuccess && (
        <Alert ref={doneRef} tabIndex={-1} type="ok" role="status">
          <Paragraph>{t('resident.my.withdrawn', { title: signup.offer.title })}</Paragraph>
        </Alert>
      )}
      {ACTIVE.includes(status) && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            aria-label={t('resident.my.calendarLabel', { title: signup.offer.title })}
            busy={download.isPending}
            disabled={download.isPending}
            onClick={() => download.mutate()}
          >
            {t('resident.my.calendar')}
          </Button>
          {!confirm.confirming && (
            <Button
              ref={openerRef}
              appearance="secondary-action-button"
              hint="danger"
              aria-label={t('resident.my.withdrawLabel', { title: signup.offer.title })}
              onClick={confirm.ask}
            >
              {t('resident.my.withdraw')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {download.isError && <ErrorAlert error={download.error} />}
      {ACTIVE.includes(status) && confirm.confirming && (
        <InlineConfirm
          id={questionId}
          question={t('resident.my.withdrawQuestion', { title: signup.offer.title })}
          questionRef={questionRef}
          onKeyDown={confirm.onKeyDown}
          error={withdraw.isError ? withdraw.error : null}
          pending={withdraw.isPending}
          yes={t('resident.my.withdrawYes')}
          busyText={t('resident.my.withdrawing')}
          no={t('resident.my.withdrawNo')}
          onYes={() => withdraw.mutate()}
          onNo={confirm.cancel}
        />
      )}
    </li>
  )
}
