import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Checkbox, FormField, FormLabel, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { acceptReferral, declineReferral, myReferrals } from '../api/endpoints'
import { toApiError } from '../api/errors'
import type { MyReferral } from '../api/types'
import { AppButtonLink, AppLink } from '../components/AppLink'
import { ErrorAlert } from '../components/ErrorAlert'
import { FormError } from '../components/FormError'
import { Loading } from '../components/Loading'
import { TextField } from '../components/TextField'
import { useTokens } from '../auth/useSession'
import { formatDateTime } from '../lib/dates'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function MyReferralsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('referrals.title'))
  const tokens = useTokens()
  const referrals = useQuery({ queryKey: ['my-referrals'], queryFn: myReferrals, enabled: tokens !== null })

  if (!tokens) {
    return (
      <>
        <Heading1>{t('referrals.title')}</Heading1>
        <Paragraph>{t('referrals.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/my-referrals">{t('app.login')}</AppButtonLink>
      </>
    )
  }

  return (
    <>
      <Heading1>{t('referrals.title')}</Heading1>
      <Paragraph>{t('referrals.intro')}</Paragraph>
      {referrals.isPending && <Loading />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.isSuccess && referrals.data.length === 0 && <Paragraph>{t('referrals.empty')}</Paragraph>}
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
    void queryClient.invalidateQueries({ queryKey: ['my-referrals'] })
    void queryClient.invalidateQueries({ queryKey: ['my-signups'] })
    void queryClient.invalidateQueries({ queryKey: ['my-recommendations'] })
  }
  const accept = useMutation({ mutationFn: () => acceptReferral(referral.id, shareNote, message), onSuccess: done })
  const decline = useMutation({ mutationFn: () => declineReferral(referral.id, reason), onSuccess: done })
  const status = accept.isSuccess ? 'accepted' : decline.isSuccess ? 'declined' : referral.status
  const acceptError = accept.error ? toApiError(accept.error) : undefined
  const declineError = decline.error ? toApiError(decline.error) : undefined
  const acceptField = acceptError?.fieldCodes()
  const declineField = declineError?.fieldCodes().reason
  const { offer } = referral
  const id = referral.id
  const busy = accept.isPending || decline.isPending

  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
      </h2>
      <p className="meedoen-card__meta">
        {t('offers.by', { organisation: offer.organisation_name })} · {t('offers.in', { district: offer.district_name })}
      </p>
      <p>{t('referrals.from', { name: referral.worker_display_name, date: formatDateTime(referral.created_at, i18n.language) })}</p>
      {referral.note && (
        <div className="meedoen-note">
          <p className="meedoen-note__title">{t('referrals.note')}</p>
          <p>{referral.note}</p>
        </div>
      )}
      <p>
        <strong className={`meedoen-status meedoen-status--${status}`}>{t(`referrals.status_${status}`)}</strong>
      </p>
      {accept.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('referrals.accepted')}</Paragraph>
          <Paragraph>
            <AppLink to="/my-activities">{t('offer.toMyActivities')}</AppLink>
          </Paragraph>
        </Alert>
      )}
      {decline.isSuccess && (
        <Alert type="info" role="status">
          <Paragraph>{t('referrals.declined')}</Paragraph>
        </Alert>
      )}
      {status === 'proposed' && (
        <div className="meedoen-form">
          {acceptError && !acceptField?.message && <FormError code={acceptError.fieldErrors[0]?.code ?? acceptError.code} />}
          {declineError && !declineField && <FormError code={declineError.code} />}
          {referral.note && (
            <FormField
              type="checkbox"
              label={
                <FormLabel htmlFor={`share-${id}`} type="checkbox">
                  <Checkbox id={`share-${id}`} name="share_note" checked={shareNote} onChange={(e) => setShareNote(e.target.checked)} />{' '}
                  {t('referrals.shareNote')}
                </FormLabel>
              }
            />
          )}
          <TextField id={`message-${id}`} label={t('referrals.message')} multiline maxLength={1000} value={message} onChange={setMessage} error={acceptField?.message} />
          <Button
            appearance="primary-action-button"
            busy={accept.isPending}
            disabled={busy}
            aria-label={t('referrals.acceptLabel', { title: offer.title })}
            onClick={() => accept.mutate()}
          >
            {accept.isPending ? t('referrals.accepting') : t('referrals.accept')}
          </Button>
          {declining ? (
            <>
              <TextField
                id={`reason-${id}`}
                label={t('referrals.declineReason')}
                description={t('referrals.declineReasonHelp')}
                multiline
                maxLength={1000}
                value={reason}
                onChange={setReason}
                error={declineField}
              />
              <Button
                appearance="secondary-action-button"
                hint="danger"
                busy={decline.isPending}
                disabled={busy}
                aria-label={t('referrals.declineLabel', { title: offer.title })}
                onClick={() => decline.mutate()}
              >
                {decline.isPending ? t('referrals.declining') : t('referrals.decline')}
              </Button>
            </>
          ) : (
            <Button
              appearance="secondary-action-button"
              aria-label={t('referrals.declineLabel', { title: offer.title })}
              onClick={() => setDeclining(true)}
            >
              {t('referrals.decline')}
            </Button>
          )}
        </div>
      )}
    </li>
  )
}
