import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Offer } from '../../api/types'
import { closeOffer, organisationKeys, publishOffer } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { StatusMessage } from './components'
import { sharedKeys } from '../../api/queries'
import './texts'

type Action = 'publish' | 'close'

/**
 * Publish (or reopen) and close an offer, each after a short confirmation that says what will happen.
 * Publishing needs a verified organisation; for others the button is left out and the page explains why.
 * `onDone` lets the page drop messages that are no longer true (a new offer's "saved as a draft").
 */
export function OfferActions({ offer, canPublish, onDone }: { offer: Offer; canPublish: boolean; onDone?: (() => void) | undefined }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState<Action | null>(null)
  const [done, setDone] = useState<Action | null>(null)
  const action = useMutation({
    mutationFn: (a: Action) => (a === 'publish' ? publishOffer(offer.id) : closeOffer(offer.id)),
    onSuccess: (updated, a) => {
      setDone(a)
      setConfirming(null)
      onDone?.()
      queryClient.setQueryData(sharedKeys.offer(offer.id), updated)
      void queryClient.invalidateQueries({ queryKey: organisationKeys.offers(offer.organisation_id) })
      void queryClient.invalidateQueries({ queryKey: sharedKeys.offer(offer.id) })
    },
  })
  const publishKind = offer.status === 'closed' ? 'reopen' : 'publish'
  const available: Action[] = []
  if (offer.status !== 'published' && canPublish) available.push('publish')
  if (offer.status === 'published') available.push('close')
  const name = (a: Action) => (a === 'publish' ? publishKind : 'close')

  return (
    <div className="meedoen-org-actions">
      {done && <StatusMessage>{t(`organisation.offerActions.${name(done)}Done`, { title: offer.title })}</StatusMessage>}
      {action.isError && <ErrorAlert scope="organisation" error={action.error} />}
      {confirming ? (
        <div className="meedoen-org-confirm" role="group" aria-label={t(`organisation.offerActions.${name(confirming)}Label`, { title: offer.title })}>
          <Paragraph>{t(`organisation.offerActions.${name(confirming)}Confirm`)}</Paragraph>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              hint={confirming === 'close' ? 'danger' : undefined}
              busy={action.isPending}
              disabled={action.isPending}
              onClick={() => action.mutate(confirming)}
            >
              {t(`organisation.offerActions.${name(confirming)}Yes`)}
            </Button>
            <Button appearance="secondary-action-button" disabled={action.isPending} onClick={() => setConfirming(null)}>
              {t('organisation.offerActions.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        available.length > 0 && (
          <ButtonGroup>
            {available.map((a) => (
              <Button
                key={a}
                appearance="secondary-action-button"
                aria-label={t(`organisation.offerActions.${name(a)}Label`, { title: offer.title })}
                onClick={() => {
                  setDone(null)
                  action.reset()
                  setConfirming(a)
                }}
              >
                {t(`organisation.offerActions.${name(a)}`)}
              </Button>
            ))}
          </ButtonGroup>
        )
      )}
    </div>
  )
}
