import { dutchLevelValues, guidanceValues } from '../../api/schema'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import type { DistrictNode, DutchLevel, Guidance, Offer, Tag, TagKind } from '../../api/types'
import { OFFER_KINDS } from '../../api/types'
import { sharedKeys, useDistricts, useOffer, useTags } from '../../api/queries'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { useMe } from '../../auth/useSession'
import { flattenDistrictTree, subtreeIds } from '../../lib/districts'
import { WEEKDAYS } from '../../lib/weekdays'
import { oneOf } from '../../lib/oneOf'
import { stateFlag } from '../../lib/navigationState'
import { fieldError, useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { createOffer, getOrganisation, organisationKeys, updateOffer } from './api'
import { CheckboxField } from '../../components/CheckboxField'
import { CheckboxGroup, RadioGroup } from '../../components/ChoiceGroups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary, type SummaryTarget } from '../../components/ErrorSummary'
import { FieldGroup } from '../../components/FieldGroup'
import { FormError } from '../../components/FormError'
import { SelectField, SelectOption } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { useErrorText } from '../../i18n/useErrorText'
import { StatusMessage } from './components'
import { OfferActions } from './OfferActions'
import { emptyDraft, fromOffer, localErrors, refineErrors, rowKey, toCreate, toUpdate, type OfferDraft } from './offerDraft'
import type { Organisation } from './types'
import type { TextKey } from '../../i18n/resources'
import './organisation.css'
import './texts'

const GUIDANCE: readonly Guidance[] = guidanceValues
const DUTCH: readonly DutchLevel[] = dutchLevelValues
const TAG_FIELDS = [
  ['skills', 'skill'],
  ['interests', 'interest'],
  ['goals', 'goal'],
  ['access', 'access'],
  ['languages', 'language'],
] as const

/** /organisation/:id/offers/new: a new offer of organisation :id. */
export function NewOfferPage() {
  const { id = '' } = useParams()
  return <OfferFormLoader organisationId={id} />
}

/** /organisation/offers/:offerId/edit: change an offer. */
export function EditOfferPage() {
  const { offerId = '' } = useParams()
  const { t } = useTranslation()
  const offer = useOffer(offerId)
  if (offer.isPending) return <TitleOnly title={t('organisation.offerForm.editTitle')} loading />
  if (offer.isError) return <TitleOnly title={t('organisation.offerForm.editTitle')} error={offer.error} onRetry={() => void offer.refetch()} />
  return <OfferFormLoader organisationId={offer.data.organisation_id} offer={offer.data} />
}

function TitleOnly({ title, loading, error, onRetry }: { title: string; loading?: boolean; error?: unknown; onRetry?: () => void }) {
  useDocumentTitle(title)
  return (
    <>
      <Heading1>{title}</Heading1>
      {loading && <Loading />}
      {error !== undefined && <ErrorAlert scope="organisation" error={error} onRetry={onRetry} />}
    </>
  )
}

function OfferFormLoader({ organisationId, offer }: { organisationId: string; offer?: Offer }) {
  const { t } = useTranslation()
  const { tokens, me } = useMe()
  const organisation = useQuery({ queryKey: organisationKeys.detail(organisationId), queryFn: () => getOrganisation(organisationId), enabled: tokens !== null })
  const districts = useDistricts()
  const tags = useTags()
  const title = offer ? t('organisation.offerForm.editTitle') : t('organisation.offerForm.newTitle')
  useDocumentTitle(offer ? `${title}: ${offer.title}` : title)

  if (!tokens) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('organisation.list.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/organisation">{t('app.login')}</AppButtonLink>
      </>
    )
  }
  if (me && !me.organisations.some((o) => o.id === organisationId)) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('organisation.page.notMember')}</Paragraph>
        <AppLink to="/organisation">{t('organisation.page.back')}</AppLink>
      </>
    )
  }
  const error = organisation.error ?? districts.error ?? tags.error
  if (error) {
    return (
      <TitleOnly
        title={title}
        error={error}
        onRetry={() => {
          void organisation.refetch()
          void districts.refetch()
          void tags.refetch()
        }}
      />
    )
  }
  if (!me || !organisation.data || !districts.data || !tags.data) return <TitleOnly title={title} loading />
  return <OfferForm key={offer?.id ?? 'new'} title={title} organisation={organisation.data} offer={offer} tree={districts.data} tags={tags.data} />
}

/** Where each field of the request is in the form: the id to jump to and its label key. */
const FIELD_TARGETS: Readonly<Record<string, [string, TextKey]>> = {
  district_id: ['offer-district', 'organisation.offerForm.district'],
  kind: ['offer-kind', 'organisation.offerForm.kind'],
  title: ['offer-title', 'organisation.offerForm.title'],
  description: ['offer-description', 'organisation.offerForm.description'],
  address: ['offer-address', 'organisation.offerForm.address'],
  capacity: ['offer-capacity', 'organisation.offerForm.capacity'],
  start_date: ['offer-start', 'organisation.offerForm.startDate'],
  end_date: ['offer-end', 'organisation.offerForm.endDate'],
  weekly_slots: ['offer-slots', 'organisation.offerForm.slots'],
  sessions: ['offer-sessions', 'organisation.offerForm.sessions'],
  min_age: ['offer-min-age', 'organisation.offerForm.minAge'],
  programme: ['offer-programme', 'organisation.offerForm.programme'],
  skills: ['offer-skills', 'organisation.offerForm.skills'],
  interests: ['offer-interests', 'organisation.offerForm.interests'],
  goals: ['offer-goals', 'organisation.offerForm.goals'],
  access: ['offer-access', 'organisation.offerForm.access'],
  languages: ['offer-languages', 'organisation.offerForm.languages'],
  guidance: ['offer-guidance', 'organisation.offerForm.guidance'],
  dutch_level: ['offer-dutch', 'organisation.offerForm.dutchLevel'],
}

/** The field's base name and the row number of a part like `weekly_slots[2]`. */
function splitField(field: string): { base: string; row: number | undefined } {
  const match = /^([a-z_]+)(?:\[(\d+)\])?/.exec(field)
  return { base: match?.[1] ?? field, row: match?.[2] !== undefined ? Number(match[2]) : undefined }
}

function OfferForm({ title, organisation, offer, tree, tags }: { title: string; organisation: Organisation; offer?: Offer | undefined; tree: readonly DistrictNode[]; tags: readonly Tag[] }) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText('organisation')
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const justCreated = stateFlag(location.state, 'created')
  const [draft, setDraft] = useState<OfferDraft>(() => (offer ? fromOffer(offer) : emptyDraft()))
  const [local, setLocal] = useState<Record<string, string>>({})
  // Each submit the form's own checks stop: the error summary takes the focus again.
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState(false)
  // "Saved as a draft" is true only until something else happens to the offer (publishing, saving again).
  const [createdShown, setCreatedShown] = useState(justCreated)
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => {
    setSaved(false)
    setDraft((d) => ({ ...d, [key]: value }))
  }

  const { mutation, fields: server, formError } = useApiForm(
    () => (offer ? updateOffer(offer.id, toUpdate(draft)) : createOffer(toCreate(organisation.id, draft))),
    (result) => {
      queryClient.setQueryData(sharedKeys.offer(result.id), result)
      void queryClient.invalidateQueries({ queryKey: organisationKeys.offers(organisation.id) })
      if (offer) setSaved(true)
      else void navigate(`/organisation/offers/${result.id}/edit`, { state: { created: true } })
    },
  )
  const fields = refineErrors({ ...server, ...local }, draft)

  function submit(e: FormEvent) {
    e.preventDefault()
    setSaved(false)
    setCreatedShown(false)
    // Everything that can be checked here is, all at once, before anything is sent.
    const found = localErrors(draft)
    if (Object.keys(found).length > 0) {
      mutation.reset()
      setLocal(found)
      setAttempt((n) => n + 1)
      return
    }
    setLocal({})
    mutation.mutate()
  }

  /** Where a field is in the form, for the error summary: a row's first input, or the field and its label. */
  function summaryTarget(field: string): SummaryTarget | undefined {
    const { base, row } = splitField(field)
    if (row !== undefined && base === 'weekly_slots') {
      const slot = draft.weekly_slots[row]
      return slot && { id: `slot-${slot.key}-weekday`, label: t('organisation.offerForm.slot', { n: row + 1 }) }
    }
    if (row !== undefined && base === 'sessions') {
      const session = draft.sessions[row]
      return session && { id: `session-${session.key}-date`, label: t('organisation.offerForm.session', { n: row + 1 }) }
    }
    const target = Object.hasOwn(FIELD_TARGETS, base) ? FIELD_TARGETS[base] : undefined
    return target && { id: target[0], label: t(target[1]) }
  }

  // Districts this organisation works in (their whole subtree); only districts, not areas, take offers.
  const served = subtreeIds(tree, organisation.district_ids)
  const districtOptions = flattenDistrictTree(tree).filter((d) => d.kind === 'district' && (served.has(d.id) || d.id === draft.district_id) && (!d.retired || d.id === draft.district_id))
  const lang = i18n.language
  const ofKind = (kind: TagKind, chosen: readonly string[]) =>
    tags
      .filter((x) => x.kind === kind && (!x.retired || chosen.includes(x.key)))
      .map((x) => ({ key: x.key, label: lang.startsWith('en') ? x.label_en : x.label_nl }))
      .sort((a, b) => a.label.localeCompare(b.label, lang))
  const canPublish = organisation.status === 'verified'

  return (
    <>
      <Paragraph>
        <AppLink to={`/organisation/${organisation.id}`}>{t('organisation.offerForm.back', { name: organisation.name })}</AppLink>
      </Paragraph>
      <Heading1>{offer ? `${title}: ${offer.title}` : title}</Heading1>
      <Paragraph>{t('organisation.offerForm.intro', { name: organisation.name })}</Paragraph>
      {offer && (
        <section aria-labelledby="offer-state" className="meedoen-org-state">
          <Heading2 id="offer-state">{t('organisation.offerForm.state')}</Heading2>
          {createdShown && offer.status === 'draft' && <StatusMessage>{t('organisation.offerForm.created')}</StatusMessage>}
          <p>
            <strong className={`meedoen-org-badge meedoen-org-badge--${offer.status}`}>{t(`organisation.offerStatus.${offer.status}`)}</strong>{' '}
            {t(`organisation.offerStatusText.${offer.status}`)}
          </p>
          {!canPublish && offer.status !== 'published' && <Paragraph>{t('organisation.offers.pendingNote')}</Paragraph>}
          <OfferActions offer={offer} canPublish={canPublish} onDone={() => setCreatedShown(false)} />
          <ul className="meedoen-org-links">
            <li>
              <AppLink to={`/organisation/offers/${offer.id}/signups`}>{t('organisation.offers.signups')}</AppLink>
            </li>
            {offer.status !== 'draft' && (
              <li>
                <AppLink to={`/offers/${offer.id}`}>{t('organisation.offers.view')}</AppLink>
              </li>
            )}
          </ul>
          <Heading2>{t('organisation.offerForm.change')}</Heading2>
        </section>
      )}
      {!offer && organisation.status === 'pending' && (
        <div className="meedoen-notice">
          <Paragraph>{t('organisation.offers.pendingNote')}</Paragraph>
        </div>
      )}
      <form onSubmit={submit} noValidate className="meedoen-wizard meedoen-org-form">
        <FormError scope="organisation" code={formError} />
        <ErrorSummary errors={fields} targets={summaryTarget} scope="organisation" focusKey={attempt} />
        {saved && <StatusMessage>{t('organisation.offerForm.saved')}</StatusMessage>}

        <FieldGroup errorScope="organisation" id="offer-what" legend={t('organisation.offerForm.what')}>
          <TextField errorScope="organisation" id="offer-title" label={t('organisation.offerForm.title')} description={t('organisation.offerForm.titleHelp')} value={draft.title} onChange={(v) => set('title', v)} error={fields.title} required maxLength={120} />
          <SelectField errorScope="organisation" id="offer-kind" label={t('organisation.offerForm.kind')} value={draft.kind} onChange={(v) => set('kind', oneOf(OFFER_KINDS, v) ? v : '')} error={fields.kind}>
            <SelectOption value="">{t('organisation.offerForm.chooseKind')}</SelectOption>
            {OFFER_KINDS.map((k) => (
              <SelectOption key={k} value={k}>
                {t(`kind.${k}`)}
              </SelectOption>
            ))}
          </SelectField>
          <TextField errorScope="organisation" id="offer-description" label={t('organisation.offerForm.description')} description={t('organisation.offerForm.descriptionHelp')} value={draft.description} onChange={(v) => set('description', v)} error={fields.description} required multiline maxLength={5000} />
          <TextField errorScope="organisation" id="offer-programme" label={t('organisation.offerForm.programme')} description={t('organisation.offerForm.programmeHelp')} value={draft.programme} onChange={(v) => set('programme', v)} error={fields.programme} maxLength={120} />
        </FieldGroup>

        <FieldGroup errorScope="organisation" id="offer-where" legend={t('organisation.offerForm.where')}>
          <SelectField errorScope="organisation" id="offer-district" label={t('organisation.offerForm.district')} description={t('organisation.offerForm.districtHelp')} value={draft.district_id} onChange={(v) => set('district_id', v)} error={fields.district_id}>
            <SelectOption value="">{t('organisation.offerForm.chooseDistrict')}</SelectOption>
            {districtOptions.map((d) => (
              <SelectOption key={d.id} value={d.id}>
                {d.path.length > 1 ? `${d.name} (${d.path[d.path.length - 1]})` : d.name}
              </SelectOption>
            ))}
          </SelectField>
          <TextField errorScope="organisation" id="offer-address" label={t('organisation.offerForm.address')} description={t('organisation.offerForm.addressHelp')} value={draft.address} onChange={(v) => set('address', v)} error={fields.address} maxLength={200} />
        </FieldGroup>

        <FieldGroup errorScope="organisation" id="offer-places" legend={t('organisation.offerForm.places')}>
          <TextField errorScope="organisation" id="offer-capacity" errorField="capacity" inputMode="numeric" label={t('organisation.offerForm.capacity')} description={t('organisation.offerForm.capacityHelp')} value={draft.capacity} onChange={(v) => set('capacity', v)} error={fields.capacity} required maxLength={4} className="meedoen-org-short" />
          <RadioGroup
            errorScope="organisation"
            id="offer-auto-accept"
            legend={t('organisation.offerForm.autoAccept')}
            options={[
              { key: 'yes', label: t('organisation.offerForm.autoAcceptYes'), description: t('organisation.offerForm.autoAcceptYesHelp') },
              { key: 'no', label: t('organisation.offerForm.autoAcceptNo'), description: t('organisation.offerForm.autoAcceptNoHelp') },
            ]}
            value={draft.auto_accept ? 'yes' : 'no'}
            onChange={(v) => set('auto_accept', v === 'yes')}
            error={fields.auto_accept}
          />
          <RadioGroup
            errorScope="organisation"
            id="offer-route"
            legend={t('organisation.offerForm.route')}
            options={(['open', 'referral_required'] as const).map((r) => ({ key: r, label: t(`organisation.offerForm.route_${r}`) }))}
            value={draft.route}
            onChange={(v) => set('route', v)}
            error={fields.route}
          />
        </FieldGroup>

        <FieldGroup errorScope="organisation" id="offer-when" legend={t('organisation.offerForm.when')}>
          <div className="meedoen-org-row">
            <TextField errorScope="organisation" id="offer-start" type="date" label={t('organisation.offerForm.startDate')} value={draft.start_date} onChange={(v) => set('start_date', v)} error={fields.start_date} />
            <TextField errorScope="organisation" id="offer-end" type="date" label={t('organisation.offerForm.endDate')} value={draft.end_date} onChange={(v) => set('end_date', v)} error={fields.end_date} />
          </div>
          <FieldGroup errorScope="organisation" id="offer-slots" legend={t('organisation.offerForm.slots')} help={t('organisation.offerForm.slotsHelp')} error={fields.weekly_slots}>
            {draft.weekly_slots.length === 0 && <Paragraph>{t('organisation.offerForm.noSlots')}</Paragraph>}
            {draft.weekly_slots.map((slot, i) => {
              const err = fieldError(fields, `weekly_slots[${i}]`)
              const update = (patch: Partial<typeof slot>) => set('weekly_slots', draft.weekly_slots.map((s, j) => (j === i ? { ...s, ...patch } : s)))
              const n = i + 1
              return (
                <Fieldset key={slot.key} className="meedoen-org-slot" invalid={Boolean(err)} aria-describedby={err ? `slot-${slot.key}-error` : undefined}>
                  <FieldsetLegend className="meedoen-org-slot__legend">{t('organisation.offerForm.slot', { n })}</FieldsetLegend>
                  {err && (
                    <p className="utrecht-form-field__error-message meedoen-org-error" id={`slot-${slot.key}-error`}>
                      {errorText(err)}
                    </p>
                  )}
                  <div className="meedoen-org-row">
                    <SelectField errorScope="organisation" id={`slot-${slot.key}-weekday`} label={t('organisation.offerForm.weekday')} value={slot.weekday} onChange={(v) => update({ weekday: v })}>
                      {WEEKDAYS.map((d) => (
                        <SelectOption key={d} value={String(d)}>
                          {t(`weekday.${d}`)}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <TextField errorScope="organisation" id={`slot-${slot.key}-start`} type="time" label={t('organisation.offerForm.from')} value={slot.start} onChange={(v) => update({ start: v })} />
                    <TextField errorScope="organisation" id={`slot-${slot.key}-end`} type="time" label={t('organisation.offerForm.to')} value={slot.end} onChange={(v) => update({ end: v })} />
                  </div>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => set('weekly_slots', draft.weekly_slots.filter((_, j) => j !== i))}
                  >
                    {t('organisation.offerForm.removeSlot', { n })}
                  </Button>
                </Fieldset>
              )
            })}
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => set('weekly_slots', [...draft.weekly_slots, { key: rowKey(), weekday: '1', start: '', end: '' }])}
            >
              {t('organisation.offerForm.addSlot')}
            </Button>
          </FieldGroup>
          <FieldGroup errorScope="organisation" id="offer-sessions" legend={t('organisation.offerForm.sessions')} help={t('organisation.offerForm.sessionsHelp')} error={fields.sessions}>
            {draft.sessions.map((session, i) => {
              const err = fieldError(fields, `sessions[${i}]`)
              const update = (patch: Partial<typeof session>) => set('sessions', draft.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)))
              const n = i + 1
              return (
                <Fieldset key={session.key} className="meedoen-org-slot" invalid={Boolean(err)} aria-describedby={err ? `session-${session.key}-error` : undefined}>
                  <FieldsetLegend className="meedoen-org-slot__legend">{t('organisation.offerForm.session', { n })}</FieldsetLegend>
                  {err && (
                    <p className="utrecht-form-field__error-message meedoen-org-error" id={`session-${session.key}-error`}>
                      {errorText(err)}
                    </p>
                  )}
                  <div className="meedoen-org-row">
                    <TextField errorScope="organisation" id={`session-${session.key}-date`} type="date" label={t('organisation.offerForm.date')} value={session.date} onChange={(v) => update({ date: v })} />
                    <TextField errorScope="organisation" id={`session-${session.key}-start`} type="time" label={t('organisation.offerForm.from')} value={session.start} onChange={(v) => update({ start: v })} />
                    <TextField errorScope="organisation" id={`session-${session.key}-end`} type="time" label={t('organisation.offerForm.to')} value={session.end} onChange={(v) => update({ end: v })} />
                  </div>
                  <Button type="button" appearance="subtle-button" onClick={() => set('sessions', draft.sessions.filter((_, j) => j !== i))}>
                    {t('organisation.offerForm.removeSession', { n })}
                  </Button>
                </Fieldset>
              )
            })}
            <Button type="button" appearance="secondary-action-button" onClick={() => set('sessions', [...draft.sessions, { key: rowKey(), date: '', start: '', end: '' }])}>
              {t('organisation.offerForm.addSession')}
            </Button>
          </FieldGroup>
        </FieldGroup>

        <FieldGroup errorScope="organisation" id="offer-who" legend={t('organisation.offerForm.who')}>
          {TAG_FIELDS.map(([name, kind]) => (
            <CheckboxGroup
              errorScope="organisation"
              key={name}
              id={`offer-${name}`}
              legend={t(`organisation.offerForm.${name}`)}
              help={t(`organisation.offerForm.${name}Help`)}
              options={ofKind(kind, draft[name])}
              value={draft[name]}
              onChange={(v) => set(name, v)}
              error={fieldError(fields, name)}
            />
          ))}
        </FieldGroup>

        <FieldGroup errorScope="organisation" id="offer-support" legend={t('organisation.offerForm.support')}>
          <RadioGroup
            errorScope="organisation"
            id="offer-guidance"
            legend={t('organisation.offerForm.guidance')}
            options={GUIDANCE.map((g) => ({ key: g, label: t(`organisation.offerForm.guidance_${g}`) }))}
            value={draft.guidance}
            onChange={(v) => set('guidance', v)}
            error={fields.guidance}
          />
          <SelectField errorScope="organisation" id="offer-dutch" label={t('organisation.offerForm.dutchLevel')} description={t('organisation.offerForm.dutchLevelHelp')} value={draft.dutch_level} onChange={(v) => {
              if (oneOf(DUTCH, v)) set('dutch_level', v)
            }} error={fields.dutch_level}>
            {DUTCH.map((d) => (
              <SelectOption key={d} value={d}>
                {t(`organisation.offerForm.dutch_${d}`)}
              </SelectOption>
            ))}
          </SelectField>
          <CheckboxField errorScope="organisation" id="offer-language-buddy" label={t('organisation.offerForm.languageBuddy')} checked={draft.language_buddy} onChange={(v) => set('language_buddy', v)} error={fields.language_buddy} />
          <CheckboxField errorScope="organisation" id="offer-companion" label={t('organisation.offerForm.companion')} description={t('organisation.offerForm.companionHelp')} checked={draft.companion_allowed} onChange={(v) => set('companion_allowed', v)} error={fields.companion_allowed} />
          <TextField errorScope="organisation" id="offer-min-age" errorField="min_age" inputMode="numeric" label={t('organisation.offerForm.minAge')} description={t('organisation.offerForm.minAgeHelp')} value={draft.min_age} onChange={(v) => set('min_age', v)} error={fields.min_age} maxLength={3} className="meedoen-org-short" />
        </FieldGroup>

        <ButtonGroup className="meedoen-wizard__buttons">
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {mutation.isPending ? t('organisation.offerForm.saving') : offer ? t('organisation.offerForm.save') : t('organisation.offerForm.saveDraft')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  )
}
