import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from '@utrecht/component-library-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { describedBy } from '../../components/describedBy'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { useErrorText } from '../../i18n/useErrorText'
import { useApiForm } from '../../lib/useApiForm'
import './conversations.css'
import './texts'

/** How long a message may be, as the server counts it (characters after trimming). */
export const MAX_MESSAGE_CHARS = 2000

/** The length of a message as the server counts it: Unicode characters of the trimmed text. */
export function messageLength(text: string): number {
  return [...text.trim()].length
}

/** The server's rule for a message, checked before sending: `required` when empty, `too_long` over the maximum. */
export function checkMessage(text: string): 'required' | 'too_long' | undefined {
  const length = messageLength(text)
  if (length === 0) return 'required'
  if (length > MAX_MESSAGE_CHARS) return 'too_long'
  return undefined
}

/**
 * A form with one message field (`body` in the API) and a character count, checked before sending as the server
 * checks it. Errors follow the project's pattern: the error summary above the form (focused), the error next to
 * the field, a top-level problem above the form. After sending, the field is emptied and `onSent` gets the answer.
 */
export function MessageForm<T>({
  id,
  label,
  submitLabel,
  send,
  onSent,
}: {
  id: string
  label: string
  submitLabel: string
  send: (body: string) => Promise<T>
  onSent: (data: T) => void
}) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const [clientError, setClientError] = useState<string | undefined>()
  const [attempt, setAttempt] = useState(0)
  const { mutation, fields, formError } = useApiForm(
    (text: string) => send(text),
    (data) => {
      setBody('')
      onSent(data)
    },
    { shownFields: ['body'] },
  )
  const error = clientError ?? fields.body
  const errors: Record<string, string> = error ? { body: error } : {}

  function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((n) => n + 1)
    const problem = checkMessage(body)
    setClientError(problem)
    if (problem) {
      mutation.reset()
      return
    }
    mutation.mutate(body.trim())
  }

  return (
    <form onSubmit={submit} noValidate className="meedoen-message-form">
      <FormError code={formError} />
      <ErrorSummary errors={errors} targets={{ body: { id, label } }} focusKey={attempt} />
      <MessageField id={id} label={label} value={body} onChange={setBody} error={error} />
      <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
        {mutation.isPending ? t('conversations.sending') : submitLabel}
      </Button>
    </form>
  )
}

/** How long to wait after the last key before the count is read out. */
const ANNOUNCE_DELAY_MS = 1000

/**
 * A textarea with a character count (the GOV.UK pattern): no hard limit that silently cuts pasted text, but the
 * characters left or too many, linked to the field and read out a moment after typing stops.
 */
function MessageField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const left = MAX_MESSAGE_CHARS - messageLength(value)
  const count = left >= 0 ? t('conversations.left', { count: left }) : t('conversations.over', { count: -left })
  const [announced, setAnnounced] = useState('')
  useEffect(() => {
    if (value === '') return
    const timer = window.setTimeout(() => setAnnounced(count), ANNOUNCE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [value, count])
  const countId = `${id}-count`
  const errId = error ? `${id}-error` : undefined
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{errorText(error, { field: 'body' })}</FormFieldErrorMessage> : undefined}
      input={
        <>
          <Textarea
            id={id}
            name="body"
            rows={5}
            value={value}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(errId, countId)}
            onChange={(e) => onChange(e.target.value)}
          />
          <FormFieldDescription id={countId} className={left < 0 ? 'meedoen-count meedoen-count--over' : 'meedoen-count'}>
            {count}
          </FormFieldDescription>
          <div className="meedoen-visually-hidden" aria-live="polite">
            {announced}
          </div>
        </>
      }
    />
  )
}
