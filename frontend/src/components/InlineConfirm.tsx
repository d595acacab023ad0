import { Button, ButtonGroup } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { ErrorAlert } from './ErrorAlert'

/** What an inline confirmation needs of the mutation it guards. */
interface Guarded {
  isPending: boolean
  isSuccess: boolean
  reset: () => void
}

/**
 * The state of an inline "are you sure?" question: asking moves the focus to the question, cancelling (also with
 * Escape) back to the button that asked, and success to the outcome message (`done`).
 */
export function useInlineConfirm(action: Guarded) {
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const question = useRef<HTMLParagraphElement>(null)
  const done = useRef<HTMLDivElement>(null)
  // Set when the question closes without acting, so the focus goes back to the opener once it is there again.
  const returnFocus = useRef(false)

  useEffect(() => {
    if (confirming) {
      question.current?.focus()
    } else if (returnFocus.current) {
      returnFocus.current = false
      opener.current?.focus()
    }
  }, [confirming])
  useEffect(() => {
    if (action.isSuccess) done.current?.focus()
  }, [action.isSuccess])

  function cancel() {
    returnFocus.current = true
    action.reset()
    setConfirming(false)
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !action.isPending) {
      e.preventDefault()
      cancel()
    }
  }

  return {
    confirming,
    ask: () => setConfirming(true),
    /** Closes the question after the action succeeded (the focus goes to `done`). */
    close: () => setConfirming(false),
    cancel,
    onKeyDown,
    openerRef: opener,
    questionRef: question,
    doneRef: done,
  }
}

/** The question with its two buttons; the "yes" button shows the action's progress. */
export function InlineConfirm({
  id,
  question,
  questionRef,
  onKeyDown,
  error,
  pending,
  yes,
  busyText,
  no,
  onYes,
  onNo,
}: {
  id: string
  question: ReactNode
  questionRef: RefObject<HTMLParagraphElement | null>
  onKeyDown: (e: KeyboardEvent) => void
  error: unknown
  pending: boolean
  yes: string
  busyText: string
  no: string
  onYes: () => void
  onNo: () => void
}) {
  return (
    <div role="group" aria-labelledby={id} className="meedoen-confirm" onKeyDown={onKeyDown}>
      <p id={id} ref={questionRef} tabIndex={-1} className="meedoen-confirm__question">
        {question}
      </p>
      {error != null && <ErrorAlert error={error} />}
      <ButtonGroup>
        <Button appearance="primary-action-button" hint="danger" busy={pending} disabled={pending} onClick={onYes}>
          {pending ? busyText : yes}
        </Button>
        <Button appearance="secondary-action-button" disabled={pending} onClick={onNo}>
          {no}
        </Button>
      </ButtonGroup>
    </div>
  )
}
