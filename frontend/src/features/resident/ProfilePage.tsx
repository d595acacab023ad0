import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { getMyProfile, residentKeys, saveMyProfile } from './api'
import type { DistrictNode, DutchLevel, Guidance, MaxTravel, Profile, Tag, TagKind } from '../../api/types'
import type { ProfileRequest } from './types'
import { useDistricts, useTags } from '../../api/queries'
import { AppButtonLink } from '../../components/AppLink'
import { CheckboxField } from '../../components/CheckboxField'
import { CheckboxGroup, RadioGroup } from '../../components/ChoiceGroups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ErrorSummary, type SummaryTarget } from '../../components/ErrorSummary'
import { FieldGroup } from '../../components/FieldGroup'
import { FormError } from '../../components/FormError'
import { Loading } from '../../components/Loading'
import { SelectField, SelectOption } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { useTokens } from '../../auth/useSession'
import { fromWindows, PARTS_OF_DAY, slotKey, toAvailability, WEEKDAYS, type AvailabilityState } from '../../lib/availability'
import { flattenDistricts, flattenDistrictTree, indentLabel } from '../../lib/districts'
import { toApiError } from '../../api/errors'
import { fieldError as fieldErrorOf, useApiForm } from '../../lib/useApiForm'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import type { TextKey } from '../../i18n/resources'
import './texts'

const GUIDANCE: readonly Guidance[] = ['none', 'light', 'intensive']
const DUTCH: readonly DutchLevel[] = ['none', 'A1', 'A2', 'B1', 'B2']
const TRAVEL: readonly MaxTravel[] = ['own_district', 'own_area', 'anywhere']

export const STEPS = ['where', 'skills', 'interests', 'goals', 'when', 'needs', 'travel', 'sharing'] as const
type Step = (typeof STEPS)[number]

/** The wizard step where an API field error belongs. */
export function stepOfField(field: string): Step {
  if (field === 'district_id' || field === 'birth_year') return 'where'
  if (field === 'skills' || field === 'interests' || field === 'goals') return field
  if (field.startsWith('availability')) return 'when'
  if (field === 'access_needs' || field === 'guidance_needed' || field === 'dutch_level' || field === 'languages') return 'needs'
  if (field === 'max_travel') return 'travel'
  return 'sharing'
}

interface Draft {
  district_id: string
  birth_year: string
  skills: string[]
  interests: string[]
  goals: string[]
  languages: string[]
  access_needs: string[]
  guidance_needed: Guidance
  dutch_level: DutchLevel
  availability: AvailabilityState
  max_travel: MaxTravel
  share_with_workers: boolean
  share_email: boolean
  share_phone: boolean
  phone: string
}

function toDraft(p: Profile): Draft {
  return {
    district_id: p.district_id ?? '',
    birth_year: p.birth_year != null ? String(p.birth_year) : '',
    skills: [...p.skills],
    interests: [...p.interests],
    goals: [...p.goals],
    languages: [...p.languages],
    access_needs: [...p.access_needs],
    guidance_needed: p.guidance_needed,
    dutch_level: p.dutch_level,
    availability: fromWindows(p.availability),
    max_travel: p.max_travel,
    share_with_workers: p.share_with_workers,
    share_email: p.share_email,
    share_phone: p.share_phone,
    phone: p.phone ?? '',
  }
}

function toRequest(d: Draft): ProfileRequest {
  const year = d.birth_year.trim()
  const phone = d.phone.trim()
  return {
    district_id: d.district_id || null,
    // The field takes at most four characters; one that is not a number is sent as null (JSON has no NaN).
    birth_year: year === '' ? null : Number(year),
    skills: d.skills,
    interests: d.interests,
    goals: d.goals,
    languages: d.languages,
    access_needs: d.access_needs,
    guidance_needed: d.guidance_needed,
    dutch_level: d.dutch_level,
    availability: toAvailability(d.availability),
    max_travel: d.max_travel,
    share_with_workers: d.share_with_workers,
    share_email: d.share_email,
    share_phone: d.share_phone,
    phone: phone === '' ? null : phone,
  }
}

export default function ProfilePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('resident.profile.title'))
  const tokens = useTokens()
  const profile = useQuery({ queryKey: residentKeys.profile(), queryFn: getMyProfile, enabled: tokens !== null })
  const tags = useTags()
  const districts = useDistricts()

  if (!tokens) {
    return (
      <>
        <Heading1>{t('resident.profile.title')}</Heading1>
        <Paragraph>{t('resident.profile.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/profile">{t('app.login')}</AppButtonLink>
      </>
    )
  }
  const error = profile.error ?? tags.error ?? districts.error
  return (
    <>
      <Heading1>{t('resident.profile.title')}</Heading1>
      <Paragraph>{t('resident.profile.intro')}</Paragraph>
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            void profile.refetch()
            void tags.refetch()
            void districts.refetch()
          }}
        />
      ) : profile.data && tags.data && districts.data ? (
        <Wizard profile={profile.data} tags={tags.data} districts={districts.data} />
      ) : (
        <Loading />
      )}
    </>
  )
}

function Wizard({ profile, tags, districts }: { profile: Profile; tags: Tag[]; districts: DistrictNode[] }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile))
  const [step, setStep] = useState(0)
  const [saved, setSaved] = useState(false)
  const legendRef = useRef<HTMLSpanElement>(null)
  const { mutation, fields, formError } = useApiForm(
    () => saveMyProfile(toRequest(draft)),
    (p) => {
      setSaved(true)
      queryClient.setQueryData(residentKeys.profile(), p)
      void queryClient.invalidateQueries({ queryKey: residentKeys.recommendations() })
    },
  )
  const errorSteps = [...new Set(Object.keys(fields).map(stepOfField))].sort((a, b) => STEPS.indexOf(a) - STEPS.indexOf(b))
  const current = STEPS[step] ?? 'where'
  const fieldError = (name: string) => fieldErrorOf(fields, name)

  /** Opens step `i`; the focus goes to its question unless someone else moves it (the error summary). */
  function goTo(i: number, focusQuestion = true) {
    setStep(i)
    setSaved(false)
    // Move the focus to the new step's question, for keyboard and screen reader users.
    if (focusQuestion) requestAnimationFrame(() => legendRef.current?.focus())
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    setSaved(false)
    mutation.mutate(undefined, {
      onError: (err) => {
        // Show the first step with a problem; the error summary above (which takes the focus) lists every field.
        const first = STEPS.findIndex((s) => errorStepsOf(err).includes(s))
        if (first >= 0) goTo(first, false)
      },
    })
  }

  /** Where a field is: its input (or group) and its label; the summary's link opens its step first. */
  const summaryTarget = (field: string): SummaryTarget | undefined => {
    const base = field.split(/[[.]/)[0] ?? field
    const label = (key: TextKey): SummaryTarget => ({ id: base, label: t(key) })
    switch (base) {
      case 'district_id':
        return label('resident.profile.where.district')
      case 'birth_year':
        return label('resident.profile.where.birthYear')
      case 'skills':
      case 'interests':
      case 'goals':
        return label(`resident.profile.${base}.title`)
      case 'availability':
        return label('resident.profile.when.title')
      case 'access_needs':
        return label('resident.profile.needs.access')
      case 'guidance_needed':
        return label('resident.profile.needs.guidance')
      case 'dutch_level':
        return label('resident.profile.needs.dutch')
      case 'languages':
        return label('resident.profile.needs.languages')
      case 'max_travel':
        return label('resident.profile.travel.title')
      case 'share_with_workers':
        return label('resident.profile.sharing.workers')
      case 'share_email':
        return label('resident.profile.sharing.email')
      case 'share_phone':
        return label('resident.profile.sharing.phone')
      case 'phone':
        return label('resident.profile.sharing.phoneNumber')
      default:
        return undefined
    }
  }
  const last = step === STEPS.length - 1

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false)
    setDraft((d) => ({ ...d, [key]: value }))
  }
  const lang = i18n.language
  const ofKind = (kind: TagKind) =>
    tags
      .filter((x) => x.kind === kind)
      .map((x) => ({ key: x.key, label: lang.startsWith('en') ? x.label_en : x.label_nl }))
      .sort((a, b) => a.label.localeCompare(b.label, lang))

  const tagStep = (name: 'skills' | 'interests' | 'goals', kind: TagKind) => (
    <CheckboxGroup
      id={name}
      legend={t(`resident.profile.${name}.title`)}
      help={t(`resident.profile.${name}.help`)}
      options={ofKind(kind)}
      value={draft[name]}
      onChange={(v) => set(name, v)}
      error={fieldError(name)}
      legendRef={legendRef}
    />
  )

  let body: ReactNode
  switch (current) {
    case 'where': {
      const options = flattenDistricts(districts)
      const selectable = new Set(flattenDistrictTree(districts).filter((d) => d.kind === 'district').map((d) => d.id))
      body = (
        <FieldGroup legend={t('resident.profile.where.title')} legendRef={legendRef}>
          <SelectField id="district_id" label={t('resident.profile.where.district')} value={draft.district_id} onChange={(v) => set('district_id', v)} error={fieldError('district_id')}>
            <SelectOption value="">{t('resident.profile.where.chooseDistrict')}</SelectOption>
            {options.map((d) => (
              <SelectOption key={d.id} value={d.id} disabled={!selectable.has(d.id)}>
                {indentLabel(d)}
              </SelectOption>
            ))}
          </SelectField>
          <TextField
            id="birth_year"
            label={t('resident.profile.where.birthYear')}
            description={t('resident.profile.where.birthYearHelp')}
            value={draft.birth_year}
            onChange={(v) => set('birth_year', v)}
            error={fieldError('birth_year')}
            maxLength={4}
          />
        </FieldGroup>
      )
      break
    }
    case 'skills':
      body = tagStep('skills', 'skill')
      break
    case 'interests':
      body = tagStep('interests', 'interest')
      break
    case 'goals':
      body = tagStep('goals', 'goal')
      break
    case 'when': {
      const err = fieldError('availability')
      const parts = draft.availability.parts
      body = (
        <FieldGroup legend={t('resident.profile.when.title')} legendRef={legendRef} help={t('resident.profile.when.help')} error={err} id="availability">
          <div className="meedoen-week">
            {WEEKDAYS.map((day) => (
              <Fieldset key={day} className="meedoen-week__day">
                <FieldsetLegend className="meedoen-week__legend">{t(`weekday.${day}`)}</FieldsetLegend>
                {PARTS_OF_DAY.map((part) => {
                  const key = slotKey(day, part)
                  const id = `slot-${key}`
                  return (
                    <FormField
                      key={part}
                      type="checkbox"
                      label={
                        <FormLabel htmlFor={id} type="checkbox">
                          <Checkbox
                            id={id}
                            name="availability"
                            value={key}
                            checked={parts.has(key)}
                            aria-label={`${t(`weekday.${day}`)} ${t(`resident.profile.when.${part}`)}`}
                            onChange={(e) => {
                              const next = new Set(parts)
                              if (e.target.checked) next.add(key)
                              else next.delete(key)
                              set('availability', { ...draft.availability, parts: next })
                            }}
                          />{' '}
                          {t(`resident.profile.when.${part}`)}
                        </FormLabel>
                      }
                    />
                  )
                })}
              </Fieldset>
            ))}
          </div>
          {draft.availability.other.length > 0 && <Paragraph>{t('resident.profile.when.other')}</Paragraph>}
        </FieldGroup>
      )
      break
    }
    case 'needs':
      body = (
        <FieldGroup legend={t('resident.profile.needs.title')} legendRef={legendRef}>
          <CheckboxGroup
            id="access_needs"
            legend={t('resident.profile.needs.access')}
            options={ofKind('access')}
            value={draft.access_needs}
            onChange={(v) => set('access_needs', v)}
            error={fieldError('access_needs')}
          />
          <RadioGroup
            id="guidance_needed"
            legend={t('resident.profile.needs.guidance')}
            options={GUIDANCE.map((g) => ({ key: g, label: t(`resident.profile.needs.guidance_${g}`) }))}
            value={draft.guidance_needed}
            onChange={(v) => set('guidance_needed', v)}
            error={fieldError('guidance_needed')}
          />
          <RadioGroup
            id="dutch_level"
            legend={t('resident.profile.needs.dutch')}
            options={DUTCH.map((g) => ({ key: g, label: t(`resident.profile.needs.dutch_${g}`) }))}
            value={draft.dutch_level}
            onChange={(v) => set('dutch_level', v)}
            error={fieldError('dutch_level')}
          />
          <CheckboxGroup
            id="languages"
            legend={t('resident.profile.needs.languages')}
            options={ofKind('language')}
            value={draft.languages}
            onChange={(v) => set('languages', v)}
            error={fieldError('languages')}
          />
        </FieldGroup>
      )
      break
    case 'travel':
      body = (
        <RadioGroup
          id="max_travel"
          legend={t('resident.profile.travel.title')}
          options={TRAVEL.map((g) => ({ key: g, label: t(`resident.profile.travel.${g}`) }))}
          value={draft.max_travel}
          onChange={(v) => set('max_travel', v)}
          error={fieldError('max_travel')}
          legendRef={legendRef}
        />
      )
      break
    case 'sharing':
      body = (
        <FieldGroup legend={t('resident.profile.sharing.title')} legendRef={legendRef}>
          <CheckboxField
            id="share_with_workers"
            label={t('resident.profile.sharing.workers')}
            description={t('resident.profile.sharing.workersHelp')}
            checked={draft.share_with_workers}
            onChange={(v) => set('share_with_workers', v)}
            error={fieldError('share_with_workers')}
          />
          <CheckboxField
            id="share_email"
            label={t('resident.profile.sharing.email')}
            checked={draft.share_email}
            onChange={(v) => set('share_email', v)}
            error={fieldError('share_email')}
          />
          <CheckboxField
            id="share_phone"
            label={t('resident.profile.sharing.phone')}
            checked={draft.share_phone}
            onChange={(v) => set('share_phone', v)}
            error={fieldError('share_phone')}
          />
          <TextField
            id="phone"
            type="text"
            autoComplete="tel"
            label={t('resident.profile.sharing.phoneNumber')}
            value={draft.phone}
            onChange={(v) => set('phone', v)}
            error={fieldError('phone')}
            maxLength={30}
          />
        </FieldGroup>
      )
      break
  }

  return (
    <form onSubmit={submit} noValidate className="meedoen-wizard">
      <FormError code={formError} />
      <ErrorSummary errors={fields} targets={summaryTarget} onFollow={(field) => goTo(STEPS.indexOf(stepOfField(field)), false)} />
      <nav aria-label={t('resident.profile.steps')} className="meedoen-steps">
        <ol className="meedoen-steps__list">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className={errorSteps.includes(s) ? 'meedoen-steps__button meedoen-steps__button--error' : 'meedoen-steps__button'}
                aria-current={i === step ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                {i + 1}.<span className="meedoen-steps__label"> {t(`resident.profile.${s}.title`)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {/* The step's number and name in words, also on a phone where the step buttons show only their number. */}
      <p className="meedoen-steps__count">{t('resident.profile.stepOf', { step: step + 1, total: STEPS.length, name: t(`resident.profile.${current}.title`) })}</p>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('resident.profile.saved')}</Paragraph>
          <AppButtonLink to="/for-you" appearance="secondary">
            {t('resident.profile.toForYou')}
          </AppButtonLink>
        </Alert>
      )}
      {body}
      <ButtonGroup className="meedoen-wizard__buttons">
        {step > 0 && (
          <Button type="button" appearance="secondary-action-button" onClick={() => goTo(step - 1)}>
            {t('resident.profile.previous')}
          </Button>
        )}
        {/* Going on is the main action; saving is, on the last step. */}
        {!last && (
          <Button type="button" appearance="primary-action-button" onClick={() => goTo(step + 1)}>
            {t('resident.profile.next')}
          </Button>
        )}
        <Button type="submit" appearance={last ? 'primary-action-button' : 'secondary-action-button'} busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('resident.profile.saving') : t('resident.profile.save')}
        </Button>
      </ButtonGroup>
    </form>
  )
}

function errorStepsOf(error: unknown): Step[] {
  return toApiError(error).fieldErrors.map((f) => stepOfField(f.field))
}
