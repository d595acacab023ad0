import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { TextField } from '../../components/TextField'
import { useApiForm } from '../../lib/useApiForm'
import { declineSignup } from './api'
import type { OfferSignup } from './types'
import './texts'

/** How long a reason may be, as the server counts it (characters after trimming). */
export const MAX_REASON_CHARS = 1000

/** The length of a reason as the server counts it: Unicode characters of the trimmed text. */
function reasonLength(text: string): number {
  return [...text.trim()].length
}

/**
 * Declining a sign-up, inline on its card: an optional reason that the resident gets by email, checked before
 * sending as the server checks it (no hard limit that silently cuts pasted text: the description says how much is
 * too much). It takes the focus when it opens; the caller gives it back to its opener on cancel.
 */
export function DeclineForm({
  signup,
  onDeclined,
  onCancel,
}: {
  signup: OfferSignup
  onDeclined: (reason: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [clientError, setClientError] = useState<string | undefined>()
  const [attempt, setAttempt] = useState(0)
  const group = useRef<HTMLDivElement>(null)
  const { mutation, fields, formError } = useApiForm(
    (text: string) => declineSignup(signup.id, text),
    (_, text) => onDeclined(text),
    { shownFields: ['reason'] },
  )
  useEffect(() => {
    group.current?.focus()
  }, [])

  const id = `decline-reason-${signup.id}`
  const questionId = `decline-question-${signup.id}`
  const label = t('organisation.signups.declineReason')
  const error = clientError ?? fields.reason
  const over = reasonLength(reason) - MAX_REASON_CHARS

  function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((n) => n + 1)
    const problem = over > 0 ? 'too_long' : undefined
    setClientError(problem)
    if (problem) {
      mutation.reset()
      return
    }
    mutation.mutate(reason.trim())
  }

  return (
    <div ref={group} tabIndex={-1} role="group" aria-labelledby={questionId} className="meedoen-org-confirm">
      <Paragraph id={questionId}>
        <strong>{t('organisation.signups.declineQuestion', { name: signup.display_name })}</strong>
      </Paragraph>
      <form onSubmit={submit} noValidate>
        <FormError code={formError} scope="organisation" />
        <ErrorSummary errors={error ? { reason: error } : {}} scope="organisation" targets={{ reason: { id, label } }} focusKey={attempt} />
        <TextField
          id={id}
          errorField="reason"
          errorScope="organisation"
          label={label}
          description={
            over > 0
              ? t('organisation.signups.declineReasonOver', { count: over, max: MAX_REASON_CHARS })
              : t('organisation.signups.declineReasonHelp', { max: MAX_REASON_CHARS })
          }
          multiline
          rows={3}
          value={reason}
          onChange={setReason}
          error={error}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending || mutation.isSuccess}>
            {mutation.isPending ? t('organisation.signups.declining') : t('organisation.signups.decline')}
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={mutation.isPending} onClick={onCancel}>
            {t('organisation.signups.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  )
}
