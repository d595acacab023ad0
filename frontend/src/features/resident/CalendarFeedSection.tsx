import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InlineConfirm, useInlineConfirm } from '../../components/InlineConfirm'
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
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const field = useRef<HTMLInputElement>(null)

  const feed = useQuery({ queryKey: residentKeys.calendarFeed(), queryFn: myCalendarFeed, enabled: shown, staleTime: Infinity })
  const rotate = useMutation({
    mutationFn: rotateCalendarFeed,
    onSuccess: (data) => {
      queryClient.setQueryData(residentKeys.calendarFeed(), data)
      setCopied('idle')
      confirm.close()
    },
  })
  const { openerRef, questionRef, doneRef, ...confirm } = useInlineConfirm(rotate)

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
    confirm.ask()
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
            {!confirm.confirming && (
              <Button ref={openerRef} appearance="secondary-action-button" onClick={ask}>
                {t('resident.my.feed.rotate')}
              </Button>
            )}
          </ButtonGroup>
          <p role="status">
            {copied === 'copied' && t('resident.my.feed.copied')}
            {copied === 'failed' && t('resident.my.feed.copyFailed')}
          </p>
          {rotate.isSuccess && (
            <Alert ref={doneRef} tabIndex={-1} type="ok" role="status">
              <Paragraph>{t('resident.my.feed.rotated')}</Paragraph>
            </Alert>
          )}
          {confirm.confirming && (
            <InlineConfirm
              id={QUESTION_ID}
              question={t('resident.my.feed.rotateQuestion')}
              questionRef={questionRef}
              onKeyDown={confirm.onKeyDown}
              error={rotate.isError ? rotate.error : null}
              pending={rotate.isPending}
              yes={t('resident.my.feed.rotateYes')}
              busyText={t('resident.my.feed.rotating')}
              no={t('resident.my.feed.rotateNo')}
              onYes={() => rotate.mutate()}
              onNo={confirm.cancel}
            />
          )}
        </>
      )}
    </section>
  )
}
