import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { myCalendarFeed, residentKeys, rotateCalendarFeed } from './api'

const FIELD_ID = 'calendar-feed-url'
const WARNING_ID = 'calendar-feed-warning'
const QUESTION_ID = 'calendar-feed-rotate-question'

/**
 * "Je agenda koppelen": the personal calendar feed. The secret URL is only fetched on "Link tonen"; it shows in a
 * read-only field with a copy button (with a message to copy it by hand when the clipboard is not available).
 * A new link asks first, inline, like withdrawing: the focus goes to the question, "no" (or Escape) gives it back
 * to the button, and after "yes" it goes to the message that the old link stopped working.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [shown, setShown] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const field = useRef<HTMLInputElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const question = useRef<HTMLParagraphElement>(null)
  const done = useRef<HTMLDivElement>(null)
  const returnFocus = useRef(false)

  const feed = useQuery({ queryKey: residentKeys.calendarFeed(), queryFn: myCalendarFeed, enabled: shown, staleTime: Infinity })
  const rotate = useMutation({
    mutationFn: rotateCalendarFeed,
    onSuccess: (data) => {
      queryClient.setQueryData(residentKeys.calendarFeed(), data)
      setCopied('idle')
      setConfirming(false)
    },
  })

  useEffect(() => {
    if (confirming) {
      question.current?.focus()
    } else if (returnFocus.current) {
      returnFocus.current = false
      opener.current?.focus()
    }
  }, [confirming])
  useEffect(() => {
    if (rotate.isSuccess) done.current?.focus()
  }, [rotate.isSuccess])

  async function copy(url: string) {
    field.current?.select()
    try {
      // Missing outside secure contexts (and in some browsers): the TypeError lands in the catch.
      await navigator.clipboard.writeText(url)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }

  function ask() {
    rotate.reset()
    setCopied('idle')
    setConfirming(true)
  }

  function cancel() {
    returnFocus.current = true
    rotate.reset()
    setConfirming(false)
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !rotate.isPending) {
      e.preventDefault()
      cancel()
    }
  }

  return (
    <section aria-labelledby="calendar-feed-title" className="meedoen-calendar-feed">
      <Heading2 id="calendar-feed-title">{t('resident.my.feed.title')}</Heading2>
      <Paragraph>{t('resident.my.feed.intro')}</Paragraph>
      <Alert type="warning" role="note">
        <Paragraph id={WARNING_ID}>{t('resident.my.feed.warning')}</Paragraph>
      </Alert>
      {!shown && (
        <Button appearance="secondary-action-button" onClick={() => setShown(true)}>
          {t('resident.my.feed.show')}
        </Button>
      )}
      {shown && feed.isPending && <Loading />}
      {feed.isError && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.isSuccess && (
        <>
          <FormField
            label={<FormLabel htmlFor={FIELD_ID}>{t('resident.my.feed.label')}</FormLabel>}
            input={
              <Textbox
                ref={field}
                id={FIELD_ID}
                name={FIELD_ID}
                type="url"
                readOnly
                value={feed.data.url}
                aria-describedby={WARNING_ID}
                onFocus={(e) => e.currentTarget.select()}
              />
            }
          />
          <ButtonGroup>
            <Button appearance="primary-action-button" onClick={() => void copy(feed.data.url)}>
              {t('resident.my.feed.copy')}
            </Button>
            {!confirming && (
              <Button ref={opener} appearance="secondary-action-button" onClick={ask}>
                {t('resident.my.feed.rotate')}
              </Button>
            )}
          </ButtonGroup>
          <p role="status">
            {copied === 'copied' && t('resident.my.feed.copied')}
            {copied === 'failed' && t('resident.my.feed.copyFailed')}
          </p>
          {rotate.isSuccess && (
            <Alert ref={done} tabIndex={-1} type="ok" role="status">
              <Paragraph>{t('resident.my.feed.rotated')}</Paragraph>
            </Alert>
          )}
          {confirming && (
            <div role="group" aria-labelledby={QUESTION_ID} className="meedoen-confirm" onKeyDown={onKeyDown}>
              <p id={QUESTION_ID} ref={question} tabIndex={-1} className="meedoen-confirm__question">
                {t('resident.my.feed.rotateQuestion')}
              </p>
              {rotate.isError && <ErrorAlert error={rotate.error} />}
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  hint="danger"
                  busy={rotate.isPending}
                  disabled={rotate.isPending}
                  onClick={() => rotate.mutate()}
                >
                  {rotate.isPending ? t('resident.my.feed.rotating') : t('resident.my.feed.rotateYes')}
                </Button>
                <Button appearance="secondary-action-button" disabled={rotate.isPending} onClick={cancel}>
                  {t('resident.my.feed.rotateNo')}
                </Button>
              </ButtonGroup>
            </div>
          )}
        </>
      )}
    </section>
  )
}
