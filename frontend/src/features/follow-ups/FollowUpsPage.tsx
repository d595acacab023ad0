import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RoleGate } from '../../components/RoleGate'
import { useErrorText } from '../../i18n/useErrorText'
import { formatDateTime } from '../../lib/dates'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { workerKeys } from '../worker/api'
import { followUpKeys, listFollowUps } from './api'
import { CloseForm } from './CloseForm'
import { attentionText, missedText } from './format'
import { NoteForm } from './NoteForm'
import { Timeline } from './Timeline'
import type { FollowUpItem, FollowUpList, ReferralNote, WorkerReferral } from './types'
import './follow-ups.css'
import './texts'

export default function FollowUpsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('followUps.page.title'))
  return (
    <RoleGate role="worker" title={t('followUps.page.title')}>
      <FollowUps />
    </RoleGate>
  )
}

/**
 * The worker's follow-ups: a card for each accepted referral whose next milestone is due or missed, or whose resident
 * did not come a few times in a row without saying so (oldest first). Each says in words what needs attention, with
 * the timeline, the notes and a form for a new one, and closing. A closed referral leaves the list; the message saying
 * so takes the focus. A referral that changed meanwhile (someone else closed it) is said above the list, which is
 * loaded again, so the card leaves it or shows what it is now.
 */
function FollowUps() {
  const { t } = useTranslation()
  const errorText = useErrorText('worker')
  const queryClient = useQueryClient()
  const followUps = useQuery({ queryKey: followUpKeys.list(), queryFn: listFollowUps })
  const [closed, setClosed] = useState<WorkerReferral | null>(null)
  // The referral a note or closing found changed meanwhile, with the error code the server gave.
  const [changed, setChanged] = useState<{ referral: WorkerReferral; code: string } | null>(null)
  const status = useRef<HTMLDivElement>(null)
  const problem = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (closed) status.current?.focus()
  }, [closed])
  // The card that had the focus may have left the list: the message takes it.
  useEffect(() => {
    if (changed) problem.current?.focus()
  }, [changed])

  function update(change: (items: FollowUpItem[]) => FollowUpItem[]) {
    queryClient.setQueryData<FollowUpList>(followUpKeys.list(), (list) => (list ? { ...list, items: change(list.items) } : list))
  }

  function noteSaved(referralId: string, note: ReferralNote) {
    update((items) => items.map((item) => (item.referral.id === referralId ? { ...item, notes: [...item.notes, note] } : item)))
  }

  function referralClosed(referral: WorkerReferral) {
    update((items) => items.filter((item) => item.referral.id !== referral.id))
    void queryClient.invalidateQueries({ queryKey: workerKeys.referrals() })
    setChanged(null)
    setClosed(referral)
  }

  function referralChanged(referral: WorkerReferral, code: string) {
    void queryClient.invalidateQueries({ queryKey: followUpKeys.list() })
    void queryClient.invalidateQueries({ queryKey: workerKeys.referrals() })
    setClosed(null)
    setChanged({ referral, code })
  }

  const items = followUps.data?.items ?? []
  return (
    <>
      <p className="meedoen-worker__back">
        <AppLink to="/worker">{t('followUps.page.back')}</AppLink>
      </p>
      <Heading1>{t('followUps.page.title')}</Heading1>
      <Paragraph>{t('followUps.page.intro')}</Paragraph>
      <Paragraph className="meedoen-worker__hint">{t('followUps.page.privacy')}</Paragraph>
      {closed && (
        <div ref={status} tabIndex={-1} className="meedoen-follow-up__status">
          <Alert type="ok" role="status">
            <Paragraph>{t('followUps.page.closed', { name: closed.resident_display_name, title: closed.offer_title })}</Paragraph>
          </Alert>
        </div>
      )}
      {changed && (
        <div ref={problem} tabIndex={-1} className="meedoen-follow-up__status">
          <Alert type="error" role="alert">
            <Paragraph>{errorText(changed.code)}</Paragraph>
            <Paragraph>{t('followUps.page.changed', { name: changed.referral.resident_display_name, title: changed.referral.offer_title })}</Paragraph>
          </Alert>
        </div>
      )}
      {followUps.isPending && <Loading />}
      {followUps.isError && <ErrorAlert scope="worker" error={followUps.error} onRetry={() => void followUps.refetch()} />}
      {followUps.isSuccess && items.length === 0 && <Paragraph>{t('followUps.page.empty')}</Paragraph>}
      {items.length > 0 && (
        <>
          <Paragraph>{t('followUps.page.list', { count: items.length })}</Paragraph>
          <ul className="meedoen-cards meedoen-follow-ups__list">
            {items.map((item) => (
              <FollowUpCard
                key={item.referral.id}
                item={item}
                onNote={(note) => noteSaved(item.referral.id, note)}
                onClosed={referralClosed}
                onChanged={(code) => referralChanged(item.referral, code)}
              />
            ))}
          </ul>
        </>
      )}
    </>
  )
}

function FollowUpCard({
  item,
  onNote,
  onClosed,
  onChanged,
}: {
  item: FollowUpItem
  onNote: (note: ReferralNote) => void
  onClosed: (referral: WorkerReferral) => void
  onChanged: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  const { referral: r, attention, missed, notes } = item
  const name = r.resident_display_name
  return (
    <li className="meedoen-card">
      <h2 className="utrecht-heading-3 meedoen-card__title">
        {name}
      </h2>
      <p className="meedoen-card__meta">
        {t('followUps.page.offer')}: <AppLink to={`/offers/${r.offer_id}`}>{r.offer_title}</AppLink>
      </p>
      {attention && (
        <p className={`meedoen-follow-up__attention meedoen-follow-up__attention--${attention.state}`}>{attentionText(attention, t, i18n.language)}</p>
      )}
      {missed && <p className="meedoen-follow-up__attention meedoen-follow-up__attention--missed">{missedText(missed, t, i18n.language)}</p>}
      <Timeline milestones={r.milestones} outcome={r.outcome} reason={r.outcome_reason} perspective="worker" titleAs="h3" />
      <p>
        <AppLink to={`/conversations/referral/${r.id}`} aria-label={t('followUps.page.messagesLabel', { name, title: r.offer_title })}>
          {t('followUps.page.messages')}
        </AppLink>
      </p>

      <div className="meedoen-follow-up__part">
        <h3 className="utrecht-heading-4 meedoen-follow-up__part-title">{t('followUps.notes.title')}</h3>
        {notes.length === 0 ? (
          <p>{t('followUps.notes.none')}</p>
        ) : (
          <ol className="meedoen-follow-up__notes">
            {notes.map((note) => (
              <li key={note.id} className="meedoen-follow-up__note">
                <p className="meedoen-follow-up__note-date">
                  <time dateTime={note.created_at}>{formatDateTime(note.created_at, i18n.language)}</time>
                </p>
                <p className="meedoen-follow-up__note-body">{note.body}</p>
              </li>
            ))}
          </ol>
        )}
        <NoteForm referralId={r.id} name={name} onSaved={onNote} onChanged={onChanged} />
      </div>

      <div className="meedoen-follow-up__part">
        <h3 className="utrecht-heading-4 meedoen-follow-up__part-title">{t('followUps.close.title')}</h3>
        <CloseForm referral={r} onClosed={onClosed} onChanged={onChanged} />
      </div>
    </li>
  )
}
