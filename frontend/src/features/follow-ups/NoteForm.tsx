import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import { ErrorSummary } from '../../components/ErrorSummary'
import { TextField } from '../../components/TextField'
import { useApiForm } from '../../lib/useApiForm'
import { changedMeanwhile, writeNote } from './api'
import { ProblemAlert } from './ProblemAlert'
import type { ReferralNote } from './types'
import './texts'

/** How long a note may be, as the server counts it (characters after trimming). */
export const MAX_NOTE_CHARS = 1000

/** The length of a note as the server counts it: Unicode characters of the trimmed text. */
function noteLength(text: string): number {
  return [...text.trim()].length
}

/** The server's rule for a note, checked before sending. */
function checkNote(text: string): 'required' | 'too_long' | undefined {
  const length = noteLength(text)
  if (length === 0) return 'required'
  if (length > MAX_NOTE_CHARS) return 'too_long'
  return undefined
}

/**
 * A short note on a referral (only its worker reads it), checked before sending as the server checks it. After
 * saving, the field is emptied, `onSaved` gets the note and the status message takes the focus. When the referral
 * changed meanwhile (closed by someone else), `onChanged` gets the error code: the caller says so and loads the
 * list again.
 */
export function NoteForm({
  referralId,
  name,
  onSaved,
  onChanged,
}: {
  referralId: string
  name: string
  onSaved: (note: ReferralNote) => void
  onChanged: (code: string) => void
}) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const [clientError, setClientError] = useState<string | undefined>()
  const [attempt, setAttempt] = useState(0)
  const status = useRef<HTMLDivElement>(null)
  const { mutation, fields, formError } = useApiForm(
    (text: string) => writeNote(referralId, text),
    (note) => {
      setBody('')
      onSaved(note)
    },
    { shownFields: ['body'] },
  )
  useEffect(() => {
    if (mutation.isSuccess) status.current?.focus()
  }, [mutation.isSuccess, mutation.data])

  const id = `note-${referralId}`
  const label = t('followUps.notes.label', { name })
  const error = clientError ?? fields.body
  const over = noteLength(body) - MAX_NOTE_CHARS

  function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((n) => n + 1)
    const problem = checkNote(body)
    setClientError(problem)
    if (problem) {
      mutation.reset()
      return
    }
    mutation.mutate(body.trim(), {
      onError: (error) => {
        const { code } = toApiError(error)
        if (changedMeanwhile(code)) onChanged(code)
      },
    })
  }

  return (
    <>
      {mutation.isSuccess && (
        <div ref={status} tabIndex={-1} className="meedoen-follow-up__status">
          <Alert type="ok" role="status">
            <Paragraph>{t('followUps.notes.saved')}</Paragraph>
          </Alert>
        </div>
      )}
      <form onSubmit={submit} noValidate className="meedoen-follow-up__form">
        {/* A change meanwhile is said above the list, as this card may leave it. */}
        <ProblemAlert code={changedMeanwhile(formError) ? undefined : formError} />
        <ErrorSummary errors={error ? { body: error } : {}} scope="worker" targets={{ body: { id, label } }} focusKey={attempt} />
        <TextField
          id={id}
          label={label}
          description={over > 0 ? t('followUps.notes.over', { count: over }) : t('followUps.notes.help', { max: MAX_NOTE_CHARS })}
          multiline
          rows={3}
          value={body}
          onChange={setBody}
          error={error}
          errorScope="worker"
          errorField="body"
        />
        <Button
          type="submit"
          appearance="secondary-action-button"
          busy={mutation.isPending}
          disabled={mutation.isPending}
          aria-label={mutation.isPending ? undefined : t('followUps.notes.saveLabel', { name })}
        >
          {mutation.isPending ? t('followUps.notes.saving') : t('followUps.notes.save')}
        </Button>
      </form>
    </>
  )
}
