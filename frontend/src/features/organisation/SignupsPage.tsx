import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import type { Offer } from '../../api/types'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { useMe } from '../../auth/useSession'
import { formatDateTime } from '../../lib/dates'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { listOfferSignups, organisationKeys, setSignupStatus } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { StatusMessage } from './components'
import { BroadcastForm } from '../conversations/BroadcastForm'
import { OfferAttendanceLink } from '../attendance/links'
import { DeclineForm } from './DeclineForm'
import type { OfferSignup } from './types'
import { sharedKeys, useOffer } from '../../api/queries'
import './organisation.css'
import './texts'

type Decision = 'accepted' | 'declined'

export default function SignupsPage() {
  const { offerId = '' } = useParams()
  const { t } = useTranslation()
  const { tokens } = useMe()
  const offer = useOffer(offerId, tokens !== null)
  const signups = useQuery({ queryKey: organisationKeys.offerSignups(offerId), queryFn: () => listOfferSignups(offerId), enabled: tokens !== null })
  const title = t('organisation.signups.title')
  useDocumentTitle(offer.data ? `${title}: ${offer.data.title}` : title)

  if (!tokens) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('organisation.list.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=/organisation/offers/${offerId}/signups`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }
  const forbidden = signups.isError && [403, 404].includes(toApiError(signups.error).status)
  return (
    <>
      {offer.data && (
        <Paragraph>
          <AppLink to={`/organisation/${offer.data.organisation_id}`}>{t('organisation.offerForm.back', { name: offer.data.organisation_name })}</AppLink>
        </Paragraph>
      )}
      <Heading1>{offer.data ? `${title}: ${offer.data.title}` : title}</Heading1>
      {(offer.isPending || signups.isPending) && <Loading />}
      {forbidden && (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('organisation.signups.notAllowed')}</Paragraph>
        </div>
      )}
      {!forbidden && (offer.error ?? signups.error) && (
        <ErrorAlert
          scope="organisation"
          error={offer.error ?? signups.error}
          onRetry={() => {
            void offer.refetch()
            void signups.refetch()
          }}
        />
      )}
      {offer.data && signups.data && <SignupLists offer={offer.data} signups={signups.data} />}
    </>
  )
}

function SignupLists({ offer, signups }: { offer: Offer; signups: OfferSignup[] }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [message, setMessage] = useState<string | null>(null)
  const messageRef = useRef<HTMLDivElement>(null)
  // The card moves to another list after a decision, so the message (and the focus) goes above the lists.
  function changed(text: string) {
    setMessage(text)
    requestAnimationFrame(() => messageRef.current?.focus())
    void queryClient.invalidateQueries({ queryKey: organisationKeys.offerSignups(offer.id) })
    void queryClient.invalidateQueries({ queryKey: sharedKeys.offer(offer.id) })
    void queryClient.invalidateQueries({ queryKey: organisationKeys.offers(offer.organisation_id) })
  }
  const decide = useMutation({
    mutationFn: ({ signup, to }: { signup: OfferSignup; to: Decision }) => setSignupStatus(signup.id, to),
    onSuccess: (_, { signup, to }) => changed(t(`organisation.signups.${to}Done`, { name: signup.display_name })),
    onError: () => {
      // Someone else may have changed the list meanwhile: show the current state.
      void queryClient.invalidateQueries({ queryKey: organisationKeys.offerSignups(offer.id) })
    },
  })
  const byDate = (a: OfferSignup, b: OfferSignup) => a.created_at.localeCompare(b.created_at)
  const pending = signups.filter((s) => s.status === 'pending').sort(byDate)
  const accepted = signups.filter((s) => s.status === 'accepted').sort(byDate)
  // The server gives each waiting person their place in line; without it, first come first served.
  const waitlist = signups
    .filter((s) => s.status === 'waitlisted')
    .sort((a, b) => (a.waitlist_position ?? Number.MAX_SAFE_INTEGER) - (b.waitlist_position ?? Number.MAX_SAFE_INTEGER) || byDate(a, b))
  const past = signups.filter((s) => s.status === 'declined' || s.status === 'withdrawn').sort(byDate)
  const actions = { decide: (signup: OfferSignup, to: Decision) => {
    setMessage(null)
    decide.mutate({ signup, to })
  }, declined: (signup: OfferSignup, reason: string) => {
    changed(t(reason ? 'organisation.signups.declinedReasonDone' : 'organisation.signups.declinedDone', { name: signup.display_name }))
  }, busyId: decide.isPending ? decide.variables.signup.id : null, disabled: decide.isPending }

  return (
    <>
      <Paragraph>
        <strong className={`meedoen-org-badge meedoen-org-badge--${offer.status}`}>{t(`organisation.offerStatus.${offer.status}`)}</strong>{' '}
        {t('organisation.offers.places', { free: offer.free_places, capacity: offer.capacity })}
      </Paragraph>
      <Paragraph>{offer.auto_accept ? t('organisation.signups.autoAccept') : t('organisation.signups.review')}</Paragraph>
      <OfferAttendanceLink offerId={offer.id} />
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message && <StatusMessage>{message}</StatusMessage>}
      </div>
      {decide.isError && <ErrorAlert scope="organisation" error={decide.error} />}

      <section className="meedoen-org-section" aria-labelledby="signups-pending">
        <Heading2 id="signups-pending">{t('organisation.signups.pending', { count: pending.length })}</Heading2>
        {pending.length === 0 ? <Paragraph>{t('organisation.signups.noPending')}</Paragraph> : <SignupCards items={pending} actions={actions} canAccept={offer.free_places > 0} />}
      </section>
      <section className="meedoen-org-section" aria-labelledby="signups-accepted">
        <Heading2 id="signups-accepted">{t('organisation.signups.accepted', { count: accepted.length })}</Heading2>
        {accepted.length === 0 ? <Paragraph>{t('organisation.signups.noAccepted')}</Paragraph> : <SignupCards items={accepted} />}
      </section>
      <BroadcastForm offerId={offer.id} participants={accepted.length} />
      <section className="meedoen-org-section" aria-labelledby="signups-waitlist">
        <Heading2 id="signups-waitlist">{t('organisation.signups.waitlist', { count: waitlist.length })}</Heading2>
        <Paragraph>{t('organisation.signups.waitlistHelp')}</Paragraph>
        {waitlist.length === 0 ? <Paragraph>{t('organisation.signups.noWaitlist')}</Paragraph> : <SignupCards items={waitlist} ordered actions={actions} canAccept={offer.free_places > 0} />}
      </section>
      {past.length > 0 && (
        <section className="meedoen-org-section" aria-labelledby="signups-past">
          <Heading2 id="signups-past">{t('organisation.signups.past', { count: past.length })}</Heading2>
          <SignupCards items={past} />
        </section>
      )}
    </>
  )
}

interface Actions {
  decide: (signup: OfferSignup, to: Decision) => void
  /** After the decline form (with its optional reason) went through. */
  declined: (signup: OfferSignup, reason: string) => void
  busyId: string | null
  disabled: boolean
}

function SignupCards({ items, ordered, actions, canAccept }: { items: OfferSignup[]; ordered?: boolean; actions?: Actions; canAccept?: boolean }) {
  const List = ordered ? 'ol' : 'ul'
  return (
    <List className="meedoen-cards meedoen-org-signups">
      {items.map((s) => (
        <SignupCard key={s.id} signup={s} actions={actions} canAccept={canAccept ?? false} />
      ))}
    </List>
  )
}

function SignupCard({ signup: s, actions, canAccept }: { signup: OfferSignup; actions?: Actions | undefined; canAccept: boolean }) {
  const { t, i18n } = useTranslation()
  const [declining, setDeclining] = useState(false)
  const declineButton = useRef<HTMLButtonElement>(null)
  return (
    <li className="meedoen-card">
      <h3 className="utrecht-heading-3 meedoen-card__title">{s.display_name}</h3>
      {s.status === 'waitlisted' && s.waitlist_position != null && <p className="meedoen-places">{t('organisation.signups.position', { position: s.waitlist_position })}</p>}
      <p>
        <strong className={`meedoen-org-badge meedoen-org-badge--${s.status}`}>{t(`organisation.signupStatus.${s.status}`)}</strong>
      </p>
      <p className="meedoen-card__meta">{t('organisation.signups.date', { date: formatDateTime(s.created_at, i18n.language) })}</p>
      {s.via_referral && <p>{t('organisation.signups.viaReferral')}</p>}
      {s.with_companion && <p>{t('organisation.signups.companion')}</p>}
      {s.email && (
        <p>
          {t('organisation.signups.email')}: <a className="utrecht-link utrecht-link--html-a" href={`mailto:${s.email}`}>{s.email}</a>
        </p>
      )}
      {s.phone && (
        <p>
          {t('organisation.signups.phone')}: <a className="utrecht-link utrecht-link--html-a" href={`tel:${s.phone.replace(/[^\d+]/g, '')}`}>{s.phone}</a>
        </p>
      )}
      {s.message && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('organisation.signups.message')}</p>
          <p className="meedoen-description">{s.message}</p>
        </div>
      )}
      {s.referral_note && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('organisation.signups.referralNote')}</p>
          <p className="meedoen-description">{s.referral_note}</p>
        </div>
      )}
      <p>
        <AppLink to={`/conversations/signup/${s.id}`} aria-label={t('organisation.signups.conversationLabel', { name: s.display_name })}>
          {t('organisation.signups.conversation')}
        </AppLink>
      </p>
      {actions && declining && (
        <DeclineForm
          signup={s}
          onDeclined={(reason) => actions.declined(s, reason)}
          onCancel={() => {
            setDeclining(false)
            requestAnimationFrame(() => declineButton.current?.focus())
          }}
        />
      )}
      {actions && !declining && (
        <ButtonGroup>
          {(s.status === 'pending' || canAccept) && (
            <Button
              appearance="primary-action-button"
              busy={actions.busyId === s.id}
              disabled={actions.disabled}
              aria-label={t('organisation.signups.acceptLabel', { name: s.display_name })}
              onClick={() => actions.decide(s, 'accepted')}
            >
              {t('organisation.signups.accept')}
            </Button>
          )}
          <Button
            ref={declineButton}
            appearance="secondary-action-button"
            hint="danger"
            busy={actions.busyId === s.id}
            disabled={actions.disabled}
            aria-label={t('organisation.signups.declineLabel', { name: s.display_name })}
            onClick={() => setDeclining(true)}
          >
            {t('organisation.signups.decline')}
          </Button>
        </ButtonGroup>
      )}
    </li>
  )
}
