import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Checkbox, FormField, FormLabel, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { acceptReferral, declineReferral, myReferrals, residentKeys } from './api'
import type { MyReferral } from './types'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { Loading } from '../../components/Loading'
import { TextField } from '../../components/TextField'
import { useTokens } from '../../auth/useSession'
import { formatDateTime } from '../../lib/dates'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { Timeline } from '../follow-ups/Timeline'
import './texts'

export default function MyReferralsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('resident.referrals.title'))
  const tokens = useTokens()
  const referrals = useQuery({ queryKey: residentKeys.referrals(), queryFn: myReferrals, enabled: tokens !== null })

  if (!tokens) {
    return (
      <>
        <Heading1>{t('resident.referrals.title')}</Heading1>
        <Paragraph>{t('resident.referrals.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/my-referrals">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  return (
    <>
      <Heading1>{t('resident.referrals.title')}</Heading1>
      <Paragraph>{t('resident.referrals.intro')}</Paragraph>
      {referrals.isPending && <Loading />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.isSuccess && referrals.data.length === 0 && <Paragraph>{t('resident.referrals.empty')}</Paragraph>}
      {referrals.isSuccess && referrals.data.length > 0 && (
        <ul className="meedoen-cards">
          {referrals.data.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </ul>
      )}
    </>
  )
}

function ReferralCard({ referral }: { referral: MyReferral }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [shareNote, setShareNote] = useState(false)
  const [message, setMessage] = useState('')
  const [reason, setReason] = useState('')
  const [declining, setDeclining] = useState(false)
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: residentKeys.referrals() })
    void queryClient.invalidateQueries({ queryKey: residentKeys.signups() })
    void queryClient.invalidateQueries({ queryKey: residentKeys.recommendations() })
  }
  const acceptForm = useApiForm(() => acceptReferral(referral.id, shareNote, message), done, { shownFields: ['message'] })
  const declineForm = useApiForm(() => declineReferral(referral.id, reason), done, { shownFields: ['reason'] })
  const accept = acceptForm.mutation
  const decline = declineForm.mutation
  const status = accept.isSuccess ? 'accepted' : decline.isSuccess ? 'declined' : referral.status
  const { offer } = referral
  const id = referral.id
  const busy = accept.isPending || decline.isPending

  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
      </h2>
      <p className="meedoen-card__meta">
        {t('offerCard.by', { organisation: offer.organisation_name })} · {t('offerCard.in', { district: offer.district_name })}
      </p>
      <p>{t('resident.referrals.from', { name: referral.worker_display_name, date: formatDateTime(referral.created_at, i18n.language) })}</p>
      {referral.note && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('resident.referrals.note')}</p>
          <p>{referral.note}</p>
        </div>
      )}
      <p>
        <strong className={`meedoen-status meedoen-status--${status}`}>{t(`resident.referrals.status_${status}`)}</strong>
      </p>
      {referral.status === 'accepted' && (
        <Timeline milestones={referral.milestones} outcome={referral.outcome} reason={referral.outcome_reason} perspective="resident" />
      )}
      <p>
        <AppLink to={`/conversations/referral/${referral.id}`} aria-label={t('resident.referrals.messagesLabel', { title: offer.title })}>
          {t('resident.referrals.messages')}
        </AppLink>
      </p>
      {accept.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('resident.referrals.accepted')}</Paragraph>
          <Paragraph>
            <AppLink to="/my-activities">{t('resident.offer.toMyActivities')}</AppLink>
          </Paragraph>
        </Alert>
      )}
      {decline.isSuccess && (
        <Alert type="info" role="status">
          <Paragraph>{t('resident.referrals.declined')}</Paragraph>
        </Alert>
      )}
      {status === 'proposed' && (
        <div className="meedoen-form">
          <FormError code={acceptForm.formError} />
          <FormError code={declineForm.formError} />
          {/* Only the fields shown here (an error on another one is the form error above). */}
          <ErrorSummary
            errors={acceptForm.fields.message ? { message: acceptForm.fields.message } : {}}
            targets={{ message: { id: `message-${id}`, label: t('resident.referrals.message') } }}
          />
          <ErrorSummary
            errors={declineForm.fields.reason ? { reason: declineForm.fields.reason } : {}}
            targets={{ reason: { id: `reason-${id}`, label: t('resident.referrals.declineReason') } }}
          />
          {referral.note && (
            <FormField
              type="checkbox"
              label={
                <FormLabel htmlFor={`share-${id}`} type="checkbox">
                  <Checkbox id={`share-${id}`} name="share_note" checked={shareNote} onChange={(e) => setShareNote(e.target.checked)} />{' '}
                  {t('resident.referrals.shareNote')}
                </FormLabel>
              }
            />
          )}
          <TextField id={`message-${id}`} label={t('resident.referrals.message')} multiline maxLength={1000} value={message} onChange={setMessage} error={acceptForm.fields.message} />
          <Button
            appearance="primary-action-button"
            busy={accept.isPending}
            disabled={busy}
            aria-label={t('resident.referrals.acceptLabel', { title: offer.title })}
            onClick={() => accept.mutate()}
          >
            {accept.isPending ? t('resident.referrals.accepting') : t('resident.referrals.accept')}
          </Button>
          {declining ? (
            <>
              <TextField
                id={`reason-${id}`}
                label={t('resident.referrals.declineReason')}
                description={t('resident.referrals.declineReasonHelp')}
                multiline
                maxLength={1000}
                value={reason}
                onChange={setReason}
                error={declineForm.fields.reason}
              />
              <Button
                appearance="secondary-action-button"
                hint="danger"
                busy={decline.isPending}
                disabled={busy}
                aria-label={t('resident.referrals.declineLabel', { title: offer.title })}
                onClick={() => decline.mutate()}
              >
                {decline.isPending ? t('resident.referrals.declining') : t('resident.referrals.decline')}
              </Button>
            </>
          ) : (
            <Button
              appearance="secondary-action-button"
              aria-label={t('resident.referrals.declineLabel', { title: offer.title })}
              onClick={() => setDeclining(true)}
            >
              {t('resident.referrals.decline')}
            </Button>
          )}
        </div>
      )}
    </li>
  )
}
