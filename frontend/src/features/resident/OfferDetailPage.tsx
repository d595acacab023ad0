import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { residentKeys, signUp } from './api'
import type { Offer, Tag } from '../../api/types'
import type { SignUpResult } from './types'
import { sharedKeys, useOffer, useTags } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { Loading } from '../../components/Loading'
import { TextField } from '../../components/TextField'
import { useTokens } from '../../auth/useSession'
import { tagLabeller } from '../../lib/tags'
import { useApiForm } from '../../lib/useApiForm'
import { formatSlots } from '../../lib/weekdays'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

export default function OfferDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const offer = useOffer(id)
  const tags = useTags()
  useDocumentTitle(offer.data?.title)

  return (
    <>
      <Paragraph>
        <AppLink to="/offers">{t('resident.offer.back')}</AppLink>
      </Paragraph>
      {offer.isPending && <Loading />}
      {offer.isError && <ErrorAlert error={offer.error} onRetry={() => void offer.refetch()} />}
      {offer.data && <OfferView offer={offer.data} tags={tags.data ?? []} />}
    </>
  )
}

function OfferView({ offer, tags }: { offer: Offer; tags: readonly Tag[] }) {
  const { t, i18n } = useTranslation()
  const label = tagLabeller(tags, i18n.language)
  const slots = formatSlots(offer.weekly_slots, t)
  return (
    <article>
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      <Heading1>{offer.title}</Heading1>
      <Paragraph className="meedoen-description">{offer.description}</Paragraph>
      <DataList className="meedoen-facts">
        <DataListItem>
          <DataListKey>{t('resident.offer.organisation')}</DataListKey>
          <DataListValue>{offer.organisation_name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('resident.offer.when')}</DataListKey>
          <DataListValue>
            {slots.length === 0 ? (
              t('resident.offer.noSlots')
            ) : (
              <UnorderedList>
                {slots.map((s) => (
                  <UnorderedListItem key={s}>{s}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('resident.offer.where')}</DataListKey>
          <DataListValue>
            {offer.address || t('resident.offer.noAddress')} ({offer.district_name})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('resident.offer.places')}</DataListKey>
          <DataListValue>
            {t('resident.offer.placesText', { free: offer.free_places, capacity: offer.capacity })}
          </DataListValue>
        </DataListItem>
        {offer.access.length > 0 && (
          <DataListItem>
            <DataListKey>{t('resident.offer.access')}</DataListKey>
            <DataListValue>
              <UnorderedList>
                {offer.access.map((k) => (
                  <UnorderedListItem key={k}>{label('access', k)}</UnorderedListItem>
                ))}
              </UnorderedList>
            </DataListValue>
          </DataListItem>
        )}
        {offer.goals.length > 0 && (
          <DataListItem>
            <DataListKey>{t('resident.offer.goals')}</DataListKey>
            <DataListValue>
              <UnorderedList>
                {offer.goals.map((k) => (
                  <UnorderedListItem key={k}>{label('goal', k)}</UnorderedListItem>
                ))}
              </UnorderedList>
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      <SignUpSection offer={offer} />
    </article>
  )
}

function SignUpSection({ offer }: { offer: Offer }) {
  const { t } = useTranslation()
  const tokens = useTokens()
  const location = useLocation()
  const queryClient = useQueryClient()
  const [message, setMessage] = useState('')
  const { mutation, fields, formError } = useApiForm(
    () => signUp(offer.id, message),
    () => {
      void queryClient.invalidateQueries({ queryKey: sharedKeys.offer(offer.id) })
      void queryClient.invalidateQueries({ queryKey: residentKeys.signups() })
    },
  )

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }
  // A full offer takes sign-ups for its waitlist: the button says so, and a line says what happens next.
  const full = offer.free_places <= 0

  return (
    <section aria-labelledby="signup-heading" className="meedoen-signup">
      <Heading2 id="signup-heading">{t('resident.offer.signUpTitle')}</Heading2>
      {offer.status !== 'published' ? (
        <Paragraph>{t('resident.offer.closed')}</Paragraph>
      ) : offer.route === 'referral_required' ? (
        <Paragraph>{t('resident.offer.referralOnly')}</Paragraph>
      ) : !tokens ? (
        <>
          <Paragraph>{t('resident.offer.loginFirst')}</Paragraph>
          <AppButtonLink to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('resident.offer.loginToSignUp')}</AppButtonLink>
        </>
      ) : mutation.data ? (
        <SignUpOutcome result={mutation.data} />
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError code={formError} />
          <ErrorSummary errors={fields} targets={{ message: { id: 'message', label: t('resident.offer.message') } }} />
          <TextField
            id="message"
            label={t('resident.offer.message')}
            description={t('resident.offer.messageHelp')}
            multiline
            maxLength={1000}
            value={message}
            onChange={setMessage}
            error={fields.message}
          />
          {full && (
            <Paragraph id="signup-waitlist">{offer.auto_accept ? t('resident.offer.waitlistAuto') : t('resident.offer.waitlistReview')}</Paragraph>
          )}
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={mutation.isPending}
            disabled={mutation.isPending}
            aria-describedby={full ? 'signup-waitlist' : undefined}
          >
            {mutation.isPending ? t('resident.offer.sending') : full ? t('resident.offer.sendWaitlist') : t('resident.offer.send')}
          </Button>
        </form>
      )}
    </section>
  )
}

/** The outcome of signing up; it takes the focus, as the form it replaces had it. */
function SignUpOutcome({ result }: { result: SignUpResult }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  const text =
    result.status === 'waitlisted'
      ? result.waitlist_position
        ? t('resident.offer.result.waitlisted', { position: result.waitlist_position })
        : t('resident.offer.result.waitlistedNoPosition')
      : t(`resident.offer.result.${result.status}`)
  return (
    <Alert ref={ref} tabIndex={-1} type={result.status === 'accepted' ? 'ok' : 'info'} role="status">
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <AppLink to="/my-activities">{t('resident.offer.toMyActivities')}</AppLink>
      </Paragraph>
    </Alert>
  )
}
