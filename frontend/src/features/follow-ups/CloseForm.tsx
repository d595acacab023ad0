import { Button, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import { RadioGroup } from '../../components/ChoiceGroups'
import { ErrorSummary } from '../../components/ErrorSummary'
import { useApiForm } from '../../lib/useApiForm'
import { changedMeanwhile, closeReferral } from './api'
import { ProblemAlert } from './ProblemAlert'
import { STOP_REASONS, type ClosingOutcome, type StopReason, type WorkerReferral } from './types'
import './texts'

/**
 * Closing a referral: completed, or stopped with a reason from the short list (asked only for stopped). Both choices
 * are checked before sending; `onClosed` gets the closed referral (the caller takes it off the list and says so).
 * When the referral changed meanwhile (closed by someone else), `onChanged` gets the error code: the caller says
 * so and loads the list again.
 */
export function CloseForm({
  referral,
  onClosed,
  onChanged,
}: {
  referral: WorkerReferral
  onClosed: (closed: WorkerReferral) => void
  onChanged: (code: string) => void
}) {
  const { t } = useTranslation()
  const [outcome, setOutcome] = useState<ClosingOutcome | ''>('')
  const [reason, setReason] = useState<StopReason | ''>('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [attempt, setAttempt] = useState(0)
  const { mutation, fields, formError } = useApiForm(
    (choice: { outcome: ClosingOutcome; reason: StopReason | undefined }) => closeReferral(referral.id, choice.outcome, choice.reason),
    (closed) => onClosed(closed),
    { shownFields: ['outcome', 'reason'] },
  )

  const name = referral.resident_display_name
  const outcomeId = `outcome-${referral.id}`
  const reasonId = `reason-${referral.id}`
  const errors = { ...fields, ...clientErrors }
  const outcomeLegend = t('followUps.close.outcome')
  const reasonLegend = t('followUps.close.reason', { name })

  function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((n) => n + 1)
    const problems: Record<string, string> = {}
    if (!outcome) problems.outcome = 'required'
    else if (outcome === 'stopped' && !reason) problems.reason = 'required'
    setClientErrors(problems)
    if (!outcome || Object.keys(problems).length > 0) {
      mutation.reset()
      return
    }
    mutation.mutate(
      { outcome, reason: outcome === 'stopped' && reason ? reason : undefined },
      {
        onError: (error) => {
          const { code } = toApiError(error)
          if (changedMeanwhile(code)) onChanged(code)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="meedoen-follow-up__form">
      <Paragraph>{t('followUps.close.intro')}</Paragraph>
      {/* A change meanwhile is said above the list, as this card may leave it. */}
      <ProblemAlert code={changedMeanwhile(formError) ? undefined : formError} />
      <ErrorSummary
        errors={errors}
        scope="worker"
        targets={{ outcome: { id: outcomeId, label: outcomeLegend }, reason: { id: reasonId, label: reasonLegend } }}
        focusKey={attempt}
      />
      <RadioGroup<ClosingOutcome | ''>
        id={outcomeId}
        legend={outcomeLegend}
        error={errors.outcome}
        errorScope="worker"
        errorField="outcome"
        value={outcome}
        onChange={(v) => {
          setOutcome(v)
          setClientErrors({})
        }}
        options={[
          { key: 'completed', label: t('followUps.close.completed'), description: t('followUps.close.completedHelp', { name }) },
          { key: 'stopped', label: t('followUps.close.stopped'), description: t('followUps.close.stoppedHelp', { name }) },
        ]}
      />
      {outcome === 'stopped' && (
        <RadioGroup<StopReason | ''>
          id={reasonId}
          legend={reasonLegend}
          error={errors.reason}
          errorScope="worker"
          errorField="reason"
          value={reason}
          onChange={(v) => {
            setReason(v)
            setClientErrors({})
          }}
          options={STOP_REASONS.map((key) => ({ key, label: t(`followUps.reason.${key}`) }))}
        />
      )}
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={mutation.isPending}
        disabled={mutation.isPending}
        aria-label={mutation.isPending ? undefined : t('followUps.close.submitLabel', { name, title: referral.offer_title })}
      >
        {mutation.isPending ? t('followUps.close.closing') : t('followUps.close.submit')}
      </Button>
    </form>
  )
}
