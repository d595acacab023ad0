import { useQuery, useQueryClient } from '@tanstack/react-query'
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
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { getOffer, signUp } from '../api/endpoints'
import type { Offer, SignUpResult, Tag } from '../api/types'
import { useTags } from '../api/queries'
import { AppButtonLink, AppLink } from '../components/AppLink'
import { ErrorAlert } from '../components/ErrorAlert'
import { FormError } from '../components/FormError'
import { Loading } from '../components/Loading'
import { TextField } from '../components/TextField'
import { useTokens } from '../auth/useSession'
import { tagLabeller } from '../lib/tags'
import { useApiForm } from '../lib/useApiForm'
import { formatSlots } from '../lib/weekdays'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function OfferDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const offer = useQuery({ queryKey: ['offer', id], queryFn: () => getOffer(id) })
  const tags = useTags()
  useDocumentTitle(offer.data?.title)

  return (
    <>
      <Paragraph>
        <AppLink to="/offers">{t('offer.back')}</AppLink>
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
          <DataListKey>{t('offer.organisation')}</DataListKey>
          <DataListValue>{offer.organisation_name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('offer.when')}</DataListKey>
          <DataListValue>
            {slots.length === 0 ? (
              t('offer.noSlots')
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
          <DataListKey>{t('offer.where')}</DataListKey>
          <DataListValue>
            {offer.address || t('offer.noAddress')} ({offer.district_name})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('offer.places')}</DataListKey>
          <DataListValue>
            {t('offer.placesText', { free: offer.free_places, capacity: offer.capacity })}
          </DataListValue>
        </DataListItem>
        {offer.access.length > 0 && (
          <DataListItem>
            <DataListKey>{t('offer.access')}</DataListKey>
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
            <DataListKey>{t('offer.goals')}</DataListKey>
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
      void queryClient.invalidateQueries({ queryKey: ['offer', offer.id] })
      void queryClient.invalidateQueries({ queryKey: ['my-signups'] })
    },
  )

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  return (
    <section aria-labelledby="signup-heading" className="meedoen-signup">
      <Heading2 id="signup-heading">{t('offer.signUpTitle')}</Heading2>
      {offer.status !== 'published' ? (
        <Paragraph>{t('offer.closed')}</Paragraph>
      ) : offer.route === 'referral_required' ? (
        <Paragraph>{t('offer.referralOnly')}</Paragraph>
      ) : !tokens ? (
        <>
          <Paragraph>{t('offer.loginFirst')}</Paragraph>
          <AppButtonLink to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('offer.loginToSignUp')}</AppButtonLink>
        </>
      ) : mutation.data ? (
        <SignUpOutcome result={mutation.data} />
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError code={formError} />
          <TextField
            id="message"
            label={t('offer.message')}
            description={t('offer.messageHelp')}
            multiline
            maxLength={1000}
            value={message}
            onChange={setMessage}
            error={fields.message}
          />
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {mutation.isPending ? t('offer.sending') : t('offer.send')}
          </Button>
        </form>
      )}
    </section>
  )
}

function SignUpOutcome({ result }: { result: SignUpResult }) {
  const { t } = useTranslation()
  const text =
    result.status === 'waitlisted'
      ? result.waitlist_position
        ? t('offer.result.waitlisted', { position: result.waitlist_position })
        : t('offer.result.waitlistedNoPosition')
      : t(`offer.result.${result.status}`)
  return (
    <Alert type={result.status === 'accepted' ? 'ok' : 'info'} role="status">
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <AppLink to="/my-activities">{t('offer.toMyActivities')}</AppLink>
      </Paragraph>
    </Alert>
  )
}
