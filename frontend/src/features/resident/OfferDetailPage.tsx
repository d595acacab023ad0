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
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { listOccurrences, residentKeys, signUp } from './api'
import type { Offer, Tag } from '../../api/types'
import type { SignUpResult } from './types'
import { sharedKeys, useOffer, useSite, useTags } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { ResendVerification } from '../../components/ResendVerification'
import { Loading } from '../../components/Loading'
import { TextField } from '../../components/TextField'
import { useTokens } from '../../auth/useSession'
import { tagLabeller } from '../../lib/tags'
import { useApiForm } from '../../lib/useApiForm'
import { addDays, byStart, formatMeeting, formatPeriod, localDate } from '../../lib/schedule'
import { formatSlots } from '../../lib/weekdays'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { usePublicOrganisation } from '../public-organisation/api'
import { OrganisationContactItems } from '../public-organisation/OrganisationContact'
import './OfferDetailPage.css'
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

/** How many of the coming meetings the page lists; the rest it counts. */
const NEXT_SHOWN = 10
/** How far ahead the coming meetings go: 8 weeks (the server allows at most 92 days). */
const NEXT_DAYS = 55

const LocationMap = lazy(() => import('../../components/LocationMap'))

function OfferView({ offer, tags }: { offer: Offer; tags: readonly Tag[] }) {
  const { t, i18n } = useTranslation()
  const label = tagLabeller(tags, i18n.language)
  return (
    <article>
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      <Heading1>{offer.title}</Heading1>
      <Paragraph className="meedoen-description">{offer.description}</Paragraph>
      <WhenSection offer={offer} />
      <WhereSection offer={offer} />
      <WhoSection offer={offer} />
      <section aria-labelledby="offer-facts" className="meedoen-offer-section">
        <Heading2 id="offer-facts">{t('resident.offer.facts')}</Heading2>
        <DataList className="meedoen-facts">
          <Fact label={t('resident.offer.places')}>{t('resident.offer.placesText', { free: offer.free_places, capacity: offer.capacity })}</Fact>
          <Fact label={t('resident.offer.routeLabel')}>{t(`resident.offer.route.${offer.route}`)}</Fact>
          <Fact label={t('resident.offer.dutchLabel')}>{t(`resident.offer.dutch.${offer.dutch_level}`)}</Fact>
          <Fact label={t('resident.offer.buddyLabel')}>{offer.language_buddy ? t('resident.offer.buddyYes') : t('resident.offer.buddyNo')}</Fact>
          {offer.languages.length > 0 && (
            <Fact label={t('resident.offer.languages')}>{offer.languages.map((k) => label('language', k)).join(', ')}</Fact>
          )}
          <Fact label={t('resident.offer.guidanceLabel')}>{t(`resident.offer.guidance.${offer.guidance}`)}</Fact>
          <Fact label={t('resident.offer.ageLabel')}>
            {offer.min_age != null && offer.min_age > 0 ? t('resident.offer.minAge', { age: offer.min_age }) : t('resident.offer.anyAge')}
          </Fact>
          <Fact label={t('resident.offer.companionLabel')}>
            {offer.companion_allowed ? t('resident.offer.companionYes') : t('resident.offer.companionNo')}
          </Fact>
          {offer.access.length > 0 && (
            <Fact label={t('resident.offer.access')}>
              <UnorderedList>
                {offer.access.map((k) => (
                  <UnorderedListItem key={k}>{label('access', k)}</UnorderedListItem>
                ))}
              </UnorderedList>
            </Fact>
          )}
          {offer.goals.length > 0 && (
            <Fact label={t('resident.offer.goals')}>
              <UnorderedList>
                {offer.goals.map((k) => (
                  <UnorderedListItem key={k}>{label('goal', k)}</UnorderedListItem>
                ))}
              </UnorderedList>
            </Fact>
          )}
        </DataList>
      </section>
      <SignUpSection offer={offer} />
    </article>
  )
}

/** One term and its description in a definition list. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  )
}

/** When: the weekly times in words, the dated sessions, the period, and the coming meetings (cancelled ones marked). */
function WhenSection({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation()
  const slots = formatSlots(offer.weekly_slots, t)
  const sessions = byStart(offer.sessions)
  const period = formatPeriod(offer.start_date, offer.end_date, t, i18n.language)
  const scheduled = slots.length > 0 || sessions.length > 0
  return (
    <section aria-labelledby="offer-when" className="meedoen-offer-section">
      <Heading2 id="offer-when">{t('resident.offer.when')}</Heading2>
      {!scheduled && <Paragraph>{t('resident.offer.noSlots')}</Paragraph>}
      <DataList className="meedoen-facts">
        {slots.length > 0 && (
          <Fact label={t('resident.offer.weekly')}>
            <UnorderedList>
              {slots.map((s) => (
                <UnorderedListItem key={s}>{s}</UnorderedListItem>
              ))}
            </UnorderedList>
          </Fact>
        )}
        {sessions.length > 0 && (
          <Fact label={t('resident.offer.sessions')}>
            <UnorderedList>
              {sessions.map((s) => (
                <UnorderedListItem key={s.starts_at}>{formatMeeting(s, t, i18n.language)}</UnorderedListItem>
              ))}
            </UnorderedList>
          </Fact>
        )}
        {period && <Fact label={t('resident.offer.period')}>{period}</Fact>}
        {scheduled && (
          <Fact label={t('resident.offer.next')}>
            <NextMeetings offerId={offer.id} />
          </Fact>
        )}
      </DataList>
    </section>
  )
}

/** The meetings of the coming 8 weeks (GET /offers/{id}/occurrences), cancelled ones with the reason. */
function NextMeetings({ offerId }: { offerId: string }) {
  const { t, i18n } = useTranslation()
  // The moment the page opened: the day stays fixed while it is open, so the query key (and the cache) stays the same.
  const [now] = useState(() => Date.now())
  const from = localDate(new Date(now))
  const to = addDays(from, NEXT_DAYS)
  const occurrences = useQuery({ queryKey: residentKeys.occurrences(offerId, from, to), queryFn: () => listOccurrences(offerId, from, to) })
  if (occurrences.isPending) return <Loading />
  if (occurrences.isError) return <ErrorAlert error={occurrences.error} onRetry={() => void occurrences.refetch()} />
  const coming = byStart(occurrences.data).filter((o) => new Date(o.ends_at).getTime() > now)
  if (coming.length === 0) return <>{t('resident.offer.nextNone')}</>
  const shown = coming.slice(0, NEXT_SHOWN)
  return (
    <>
      <UnorderedList className="meedoen-occurrences">
        {shown.map((o) => (
          <UnorderedListItem key={o.id} className={o.cancelled ? 'meedoen-occurrence meedoen-occurrence--cancelled' : 'meedoen-occurrence'}>
            <span className="meedoen-occurrence__when">{formatMeeting(o, t, i18n.language)}</span>
            {o.cancelled && (
              <>
                {' '}
                <strong className="meedoen-occurrence__cancelled">
                  {o.reason ? t('resident.offer.cancelledReason', { reason: o.reason }) : t('resident.offer.cancelled')}
                </strong>
              </>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {coming.length > shown.length && <Paragraph>{t('resident.offer.nextMore', { count: coming.length - shown.length })}</Paragraph>}
    </>
  )
}

/** Where: the address in words, and a map when the place has coordinates and the site has map tiles. */
function WhereSection({ offer }: { offer: Offer }) {
  const { t } = useTranslation()
  const site = useSite()
  const tileUrl = site.data?.map.tile_url
  const showMap = tileUrl != null && tileUrl !== '' && offer.latitude != null && offer.longitude != null
  return (
    <section aria-labelledby="offer-where" className="meedoen-offer-section">
      <Heading2 id="offer-where">{t('resident.offer.where')}</Heading2>
      <DataList className="meedoen-facts">
        <Fact label={t('resident.offer.address')}>
          {offer.address ? t('resident.offer.addressText', { address: offer.address, district: offer.district_name }) : `${t('resident.offer.noAddress')} (${offer.district_name})`}
        </Fact>
      </DataList>
      {showMap && site.data && (
        <Suspense fallback={null}>
          <LocationMap
            latitude={offer.latitude ?? 0}
            longitude={offer.longitude ?? 0}
            tileUrl={tileUrl}
            attribution={site.data.map.attribution}
            label={t('resident.offer.mapLabel', { title: offer.title })}
            zoomInLabel={t('resident.offer.zoomIn')}
            zoomOutLabel={t('resident.offer.zoomOut')}
          />
        </Suspense>
      )}
    </section>
  )
}

/** Who: the organisation, a link to its public page, and its public contact details. */
function WhoSection({ offer }: { offer: Offer }) {
  const { t } = useTranslation()
  const organisation = usePublicOrganisation(offer.organisation_id)
  return (
    <section aria-labelledby="offer-who" className="meedoen-offer-section">
      <Heading2 id="offer-who">{t('resident.offer.who')}</Heading2>
      <DataList className="meedoen-facts">
        <Fact label={t('resident.offer.organisation')}>
          <AppLink to={`/organisaties/${offer.organisation_id}`}>{offer.organisation_name}</AppLink>
        </Fact>
        {organisation.data && <OrganisationContactItems organisation={organisation.data} />}
      </DataList>
    </section>
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
  const unverified = formError === 'email_not_verified'

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
        <>
          {/* An unconfirmed address is the one refusal the person can mend at once: the way to a new link follows. */}
          {unverified && (
            <>
              <FormError code={formError} />
              <ResendVerification />
            </>
          )}
          <form onSubmit={submit} noValidate>
            {!unverified && <FormError code={formError} />}
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
        </>
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
