import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import type { TagKind } from '../../api/types'
import { useTags } from '../../api/queries'
import { AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { ReasonList } from '../../components/ReasonList'
import { TextField } from '../../components/TextField'
import { tagLabeller, type TagLabel } from '../../lib/tags'
import { useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { createReferral, getResident, residentRecommendations, workerKeys } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary } from '../../components/ErrorSummary'
import { translateError } from '../../i18n/errors'
import { availabilityInWords, fitText } from './format'
import type { ResidentDetail, ResidentRecommendation } from './types'
import { RoleGate } from '../../components/RoleGate'
import { PrintOffers } from '../programme/PrintOffers'
import './worker.css'
import './texts'

export default function ResidentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <RoleGate role="worker" title={t('worker.resident.fallbackTitle')}>
      <Resident id={id} />
    </RoleGate>
  )
}

function Resident({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const resident = useQuery({ queryKey: workerKeys.resident(id), queryFn: () => getResident(id), retry: false })
  const recs = useQuery({
    queryKey: workerKeys.recommendations(id),
    queryFn: () => residentRecommendations(id),
    retry: false,
    enabled: resident.isSuccess,
  })
  const tags = useTags()
  const name = resident.data?.display_name
  useDocumentTitle(name ?? t('worker.resident.fallbackTitle'))
  const label = tagLabeller(tags.data ?? [], i18n.language)

  const back = (
    <p className="meedoen-worker__back">
      <AppLink to="/worker/residents">{t('worker.resident.back')}</AppLink>
    </p>
  )
  if (resident.isPending || (resident.isSuccess && tags.isPending)) {
    return (
      <>
        {back}
        <Heading1>{name ?? t('worker.resident.fallbackTitle')}</Heading1>
        <Loading />
      </>
    )
  }
  if (resident.isError) {
    const status = toApiError(resident.error).status
    return (
      <>
        {back}
        <Heading1>{t('worker.resident.fallbackTitle')}</Heading1>
        <ErrorAlert
          scope="worker"
          error={resident.error}
          text={status === 404 || status === 403 ? t('worker.resident.notFound') : undefined}
          onRetry={status === 404 || status === 403 ? undefined : () => void resident.refetch()}
        />
      </>
    )
  }
  const detail = resident.data
  return (
    <>
      {back}
      <Heading1>{detail.display_name}</Heading1>
      <div className="meedoen-notice" role="note">
        <Paragraph>{t('worker.resident.seen', { name: detail.display_name })}</Paragraph>
      </div>
      <ProfileFacts detail={detail} label={label} />

      <section aria-labelledby="offers-heading">
        <Heading2 id="offers-heading">{t('worker.resident.offers')}</Heading2>
        {recs.isPending && <Loading />}
        {recs.isError && <ErrorAlert scope="worker" error={recs.error} onRetry={() => void recs.refetch()} />}
        {recs.isSuccess && (
          <>
            {!recs.data.profile_completed && <Paragraph>{t('worker.resident.notCompleted', { name: detail.display_name })}</Paragraph>}
            {recs.data.items.length === 0 ? (
              <Paragraph>{t('worker.resident.offersEmpty')}</Paragraph>
            ) : (
              <>
                <Paragraph>{t('worker.resident.offersIntro', { name: detail.display_name })}</Paragraph>
                <ol className="meedoen-cards meedoen-worker__ranked">
                  {recs.data.items.map((r) => (
                    <OfferCard key={r.offer.id} rec={r} resident={detail} label={label} />
                  ))}
                </ol>
                <PrintOffers offers={recs.data.items.map((r) => r.offer)} name={detail.display_name} />
              </>
            )}
          </>
        )}
      </section>
    </>
  )
}

function ProfileFacts({ detail, label }: { detail: ResidentDetail; label: TagLabel }) {
  const { t } = useTranslation()
  const p = detail.profile
  const none = t('worker.resident.none')
  const tagsOf = (kind: TagKind, keys: readonly string[]) => (keys.length > 0 ? keys.map((k) => label(kind, k)).join(', ') : none)
  const when = availabilityInWords(p.availability, t)
  const rows: { key: string; term: string; value: ReactNode }[] = [
    { key: 'district', term: t('worker.resident.district'), value: p.district_name ?? none },
    { key: 'skills', term: t('worker.resident.skills'), value: tagsOf('skill', p.skills) },
    { key: 'interests', term: t('worker.resident.interests'), value: tagsOf('interest', p.interests) },
    { key: 'goals', term: t('worker.resident.goals'), value: tagsOf('goal', p.goals) },
    {
      key: 'when',
      term: t('worker.resident.when'),
      value:
        when.length > 0 ? (
          <ul className="meedoen-worker__plain-list">
            {when.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          none
        ),
    },
    { key: 'access', term: t('worker.resident.access'), value: tagsOf('access', p.access_needs) },
    { key: 'guidance', term: t('worker.resident.guidance'), value: t(`worker.resident.guidance_${p.guidance_needed}`) },
    { key: 'dutch', term: t('worker.resident.dutch'), value: t(`worker.resident.dutch_${p.dutch_level}`) },
    { key: 'languages', term: t('worker.resident.languages'), value: tagsOf('language', p.languages) },
    { key: 'travel', term: t('worker.resident.travel'), value: t(`worker.resident.travel_${p.max_travel}`) },
  ]
  if (p.birth_year != null) rows.splice(1, 0, { key: 'birth', term: t('worker.resident.birthYear'), value: String(p.birth_year) })
  if (p.phone) rows.push({ key: 'phone', term: t('worker.resident.phone'), value: p.phone })
  return (
    <section aria-labelledby="about-heading">
      <Heading2 id="about-heading">{t('worker.resident.about', { name: detail.display_name })}</Heading2>
      {!p.completed && <Paragraph>{t('worker.resident.notCompleted', { name: detail.display_name })}</Paragraph>}
      <dl className="meedoen-worker__facts">
        {rows.map((r) => (
          <div key={r.key} className="meedoen-worker__fact">
            <dt>{r.term}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function OfferCard({ rec, resident, label }: { rec: ResidentRecommendation; resident: ResidentDetail; label: TagLabel }) {
  const { t } = useTranslation()
  const { offer } = rec
  const fit = fitText(rec.score, t)
  return (
    <li className="meedoen-card">
      <p className="meedoen-card__kind">{t(`kind.${offer.kind}`)}</p>
      <h3 className="utrecht-heading-3 meedoen-card__title">
        <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
      </h3>
      <p className="meedoen-card__meta">
        {t('offerCard.by', { organisation: offer.organisation_name })} · {t('offerCard.in', { district: offer.district_name })}
      </p>
      <p className={offer.free_places > 0 ? 'meedoen-places' : 'meedoen-places meedoen-places--full'}>
        {t('offerCard.freePlaces', { count: offer.free_places })}
      </p>
      <p>
        <span className="meedoen-visually-hidden">{t('worker.resident.fit')}: </span>
        <strong className={`meedoen-worker__fit meedoen-worker__fit--${fit.level}`}>{fit.text}</strong>
      </p>
      <ReasonList reasons={rec.reasons} label={label} title={t('worker.resident.why')} titleAs="h4" />
      {rec.proposed ? (
        <p className="meedoen-worker__sent">{t('worker.resident.alreadyProposed', { name: resident.display_name })}</p>
      ) : (
        <ProposeForm resident={resident} offerId={offer.id} title={offer.title} />
      )}
    </li>
  )
}

function ProposeForm({ resident, offerId, title }: { resident: ResidentDetail; offerId: string; title: string }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const name = resident.display_name
  const { mutation, fields, formError } = useApiForm(
    () => createReferral(resident.id, offerId, note),
    () => {
      setOpen(false)
      void queryClient.invalidateQueries({ queryKey: workerKeys.referrals() })
    },
  )
  const formId = `propose-${offerId}`

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  const sentRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // The form is gone after sending: the focus goes to the message, not to the top of the page.
    if (mutation.isSuccess) sentRef.current?.focus()
  }, [mutation.isSuccess])

  function toggle() {
    const next = !open
    setOpen(next)
    if (next) requestAnimationFrame(() => document.getElementById(`note-${offerId}`)?.focus())
    else mutation.reset()
  }

  if (mutation.isSuccess) {
    return (
      <div ref={sentRef} tabIndex={-1} className="meedoen-worker__sent">
        <Alert type="ok" role="status">
          <Paragraph>{t('worker.resident.sent', { name })}</Paragraph>
          <Paragraph>
            <AppLink to="/worker/referrals">{t('worker.resident.toReferrals')}</AppLink>
          </Paragraph>
        </Alert>
      </div>
    )
  }
  return (
    <div className="meedoen-worker__propose">
      <Button
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={t('worker.resident.proposeLabel', { name, title })}
        onClick={toggle}
      >
        {t('worker.resident.propose', { name })}
      </Button>
      {open && (
        <form id={formId} className="meedoen-form" onSubmit={submit} noValidate aria-label={t('worker.resident.proposeLabel', { name, title })}>
          {formError && (
            <Alert type="error" role="alert">
              <Paragraph>{translateError(formError, i18n.language, { scope: 'worker', vars: { name } })}</Paragraph>
            </Alert>
          )}
          <ErrorSummary errors={fields} scope="worker" targets={{ note: { id: `note-${offerId}`, label: t('worker.resident.note', { name }) } }} />
          <TextField
            id={`note-${offerId}`}
            label={t('worker.resident.note', { name })}
            description={t('worker.resident.noteHelp', { name })}
            multiline
            maxLength={1000}
            value={note}
            onChange={setNote}
            error={fields.note}
          />
          <ButtonGroup className="meedoen-wizard__buttons">
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={mutation.isPending}
              disabled={mutation.isPending}
              aria-label={t('worker.resident.sendLabel', { name, title })}
            >
              {mutation.isPending ? t('worker.resident.sending') : t('worker.resident.send')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={toggle}>
              {t('worker.resident.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </div>
  )
}
