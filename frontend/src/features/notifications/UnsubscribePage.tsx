import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { notificationKeys, unsubscribe, unsubscribeTopic } from './api'
import type { Unsubscribe } from './types'
import './texts'

/**
 * /unsubscribe/:token, for the link at the end of an email (no sign-in: the token is the permission). It says which
 * kind of email stops, and only the button turns it off: opening the page changes nothing, as link checkers in mail
 * programs open links too. Mail programs themselves unsubscribe with one click at the API's address (RFC 8058).
 */
export default function UnsubscribePage() {
  const { token = '' } = useParams()
  const { t } = useTranslation()
  useDocumentTitle(t('notifications.unsubscribe.title'))
  const topic = useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: () => unsubscribeTopic(token),
    // An unknown link stays unknown: say so at once rather than asking again.
    retry: (failures, error) => toApiError(error).status !== 404 && failures < 1,
  })

  let body: ReactNode
  if (topic.isPending) {
    body = <Loading />
  } else if (topic.isError) {
    body =
      toApiError(topic.error).status === 404 ? (
        <>
          <div className="meedoen-notice" role="note">
            <Paragraph>{t('notifications.unsubscribe.notFound')}</Paragraph>
          </div>
          <Paragraph>
            <AppLink to="/settings/notifications">{t('notifications.unsubscribe.toSettings')}</AppLink>
          </Paragraph>
        </>
      ) : (
        <ErrorAlert error={topic.error} onRetry={() => void topic.refetch()} />
      )
  } else {
    body = <UnsubscribeForm token={token} state={topic.data} />
  }
  return (
    <>
      <Heading1>{t('notifications.unsubscribe.title')}</Heading1>
      {body}
    </>
  )
}

function UnsubscribeForm({ token, state }: { token: string; state: Unsubscribe }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const done = useRef<HTMLDivElement>(null)
  const action = useMutation({
    mutationFn: () => unsubscribe(token),
    onSuccess: (answer) => queryClient.setQueryData(notificationKeys.unsubscribe(token), answer),
  })
  const name = t(`notifications.unsubscribe.topic.${state.topic}`)
  // The confirmation takes the focus, so keyboard and screen reader users hear that it worked.
  useEffect(() => {
    if (action.isSuccess) done.current?.focus()
  }, [action.isSuccess])

  const settingsLink = (
    <>
      <Paragraph>{t('notifications.unsubscribe.changeLater')}</Paragraph>
      <Paragraph>
        <AppLink to="/settings/notifications">{t('notifications.unsubscribe.toSettings')}</AppLink>
      </Paragraph>
    </>
  )

  if (action.isSuccess) {
    return (
      <>
        <Alert ref={done} tabIndex={-1} type="ok" role="status">
          <Paragraph>{t(`notifications.unsubscribe.done.${state.topic}`)}</Paragraph>
        </Alert>
        {settingsLink}
      </>
    )
  }
  if (state.unsubscribed) {
    return (
      <>
        <Paragraph>{t('notifications.unsubscribe.already', { topic: name })}</Paragraph>
        {settingsLink}
      </>
    )
  }
  return (
    <>
      <Paragraph>{t('notifications.unsubscribe.about', { topic: name })}</Paragraph>
      <Paragraph>{t(`notifications.unsubscribe.stops.${state.topic}`)}</Paragraph>
      <Paragraph>{t('notifications.unsubscribe.other')}</Paragraph>
      {action.isError && <ErrorAlert error={action.error} />}
      <Button appearance="primary-action-button" busy={action.isPending} disabled={action.isPending} onClick={() => action.mutate()}>
        {action.isPending ? t('notifications.unsubscribe.confirming') : t('notifications.unsubscribe.confirm')}
      </Button>
    </>
  )
}
