import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { useTokens } from '../../auth/useSession'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import type { TextKey } from '../../i18n/resources'
import { formatDateTime } from '../../lib/dates'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { conversationKeys, getConversation, writeMessage } from './api'
import { MessageForm } from './MessageForm'
import type { Conversation, ConversationAbout, Message } from './types'
import './conversations.css'
import './texts'

/**
 * The messages about one sign-up (/conversations/signup/:id: its resident and the offer's organisation) or one
 * referral (/conversations/referral/:id: its resident and the worker), oldest first, with a form to write.
 */
export default function ConversationPage({ about }: { about: ConversationAbout }) {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const tokens = useTokens()
  const location = useLocation()
  const conversation = useQuery({
    queryKey: conversationKeys.detail(about, id),
    queryFn: () => getConversation(about, id),
    enabled: tokens !== null,
    // A conversation is read while the other side may write: fetch it again when the person comes back.
    refetchOnWindowFocus: true,
  })
  useDocumentTitle(conversation.data ? titleOf(conversation.data, t) : t('conversations.pageTitle'))

  if (!tokens) {
    return (
      <>
        <Heading1>{t('conversations.pageTitle')}</Heading1>
        <Paragraph>{t('conversations.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }
  if (conversation.isPending) return <Loading />
  if (conversation.isError) {
    const status = toApiError(conversation.error).status
    return (
      <>
        <Heading1>{t('conversations.pageTitle')}</Heading1>
        {status === 404 || status === 403 ? (
          <Paragraph>{t('conversations.notFound')}</Paragraph>
        ) : (
          <ErrorAlert error={conversation.error} onRetry={() => void conversation.refetch()} />
        )}
      </>
    )
  }
  return <ConversationView about={about} id={id} conversation={conversation.data} />
}

/** The name of the other side, seen from the signed-in user's side. */
function otherName(c: Conversation): string {
  return c.my_side === 'resident' ? c.other_side_name : c.resident_name
}

function titleOf(c: Conversation, t: TFunction): string {
  return t('conversations.title', { name: otherName(c), title: c.offer_title })
}

/** Where the person came from, by their side: their sign-ups, suggestions, the offer's sign-ups, or their referrals. */
function backLink(about: ConversationAbout, c: Conversation): { to: string; label: TextKey } {
  if (c.my_side === 'organisation') return { to: `/organisation/offers/${c.offer_id}/signups`, label: 'conversations.back.signups' }
  if (c.my_side === 'worker') return { to: '/worker/referrals', label: 'conversations.back.referrals' }
  return about === 'signup' ? { to: '/my-activities', label: 'conversations.back.activities' } : { to: '/my-referrals', label: 'conversations.back.suggestions' }
}

function ConversationView({ about, id, conversation: c }: { about: ConversationAbout; id: string; conversation: Conversation }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [sentId, setSentId] = useState<string | null>(null)
  const name = otherName(c)
  const back = backLink(about, c)
  const items = [...c.items].sort((a, b) => a.created_at.localeCompare(b.created_at))

  // The message just sent takes the focus once it is in the list (the cache update may arrive a render later), so
  // the person hears what went out.
  const focused = useRef<string | null>(null)
  useEffect(() => {
    if (!sentId || focused.current === sentId) return
    const element = document.getElementById(`message-${sentId}`)
    if (!element) return
    element.focus()
    focused.current = sentId
  }, [sentId, c.items])

  function sent(message: Message) {
    queryClient.setQueryData(conversationKeys.detail(about, id), (old: Conversation | undefined) =>
      old && !old.items.some((m) => m.id === message.id) ? { ...old, items: [...old.items, message] } : old,
    )
    void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(about, id) })
    setSentId(message.id)
  }

  return (
    <>
      <Paragraph>
        <AppLink to={back.to}>{t(back.label)}</AppLink>
      </Paragraph>
      <Heading1>{titleOf(c, t)}</Heading1>
      <Paragraph>{t(`conversations.intro_${c.my_side}`, { name })}</Paragraph>
      <Paragraph>
        <AppLink to={`/offers/${c.offer_id}`}>{t('conversations.toOffer')}</AppLink>
      </Paragraph>

      <section aria-labelledby="messages-heading" className="meedoen-conversation__messages">
        <Heading2 id="messages-heading">{t('conversations.messages')}</Heading2>
        {items.length === 0 ? (
          <Paragraph>{t('conversations.empty')}</Paragraph>
        ) : (
          <ol className="meedoen-messages">
            {items.map((m) => (
              <MessageItem key={m.id} message={m} focusable={m.id === sentId} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="write-heading" className="meedoen-write">
        <Heading2 id="write-heading">{t('conversations.write')}</Heading2>
        <MessageForm
          id="message-body"
          label={t('conversations.body')}
          submitLabel={t('conversations.send')}
          send={(body) => writeMessage(about, id, body)}
          onSent={sent}
        />
        <div aria-live="polite">
          {sentId && (
            <Alert type="ok">
              <Paragraph>{t('conversations.sent', { name })}</Paragraph>
            </Alert>
          )}
        </div>
      </section>
    </>
  )
}

function MessageItem({ message: m, focusable }: { message: Message; focusable: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <li id={`message-${m.id}`} tabIndex={focusable ? -1 : undefined} className={m.mine ? 'meedoen-message meedoen-message--mine' : 'meedoen-message'}>
      <p className="meedoen-message__meta">
        <strong>{m.mine ? t('conversations.you') : t('conversations.author', { name: m.author_name, side: t(`conversations.side.${m.side}`) })}</strong>
        {' · '}
        <time dateTime={m.created_at}>{formatDateTime(m.created_at, i18n.language)}</time>
      </p>
      <p className="meedoen-message__body">{m.body}</p>
    </li>
  )
}
