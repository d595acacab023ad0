import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { writeToParticipants } from './api'
import { MessageForm } from './MessageForm'
import './conversations.css'
import './texts'

/**
 * "Schrijf alle deelnemers" on an offer's sign-ups page: one message to everyone with an accepted place (each gets
 * it in their own conversation and by email). The answer says how many got it, and takes the focus.
 */
export function BroadcastForm({ offerId, participants }: { offerId: string; participants: number }) {
  const { t } = useTranslation()
  const [sent, setSent] = useState<{ count: number } | null>(null)
  const result = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (sent) result.current?.focus()
  }, [sent])

  return (
    <section className="meedoen-broadcast" aria-labelledby="broadcast-heading">
      <Heading2 id="broadcast-heading">{t('conversations.broadcast.title')}</Heading2>
      {participants === 0 && !sent ? (
        <Paragraph>{t('conversations.broadcast.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('conversations.broadcast.intro')}</Paragraph>
          {sent && (
            <Alert ref={result} tabIndex={-1} type={sent.count > 0 ? 'ok' : 'info'} role="status">
              <Paragraph>{t('conversations.broadcast.sent', { count: sent.count })}</Paragraph>
            </Alert>
          )}
          <MessageForm
            id="broadcast-body"
            label={t('conversations.broadcast.body')}
            submitLabel={t('conversations.broadcast.send')}
            send={(body) => writeToParticipants(offerId, body)}
            onSent={(answer) => setSent({ count: answer.sent })}
          />
        </>
      )}
    </section>
  )
}
