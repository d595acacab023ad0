import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import { CheckboxField } from '../../components/CheckboxField'
import { describedBy } from '../../components/describedBy'
import { ErrorSummary, type SummaryTarget } from '../../components/ErrorSummary'
import { FormError } from '../../components/FormError'
import { InlineConfirm } from '../../components/InlineConfirm'
import { useErrorText } from '../../i18n/useErrorText'
import { useApiForm } from '../../lib/useApiForm'
import { useLeaveWarning } from '../../lib/useLeaveWarning'
import { attendanceKeys, recordAttendance } from './api'
import { hoursInput, hoursText, parseHours } from './format'
import { ATTENDANCE_STATUSES, type AttendanceEntry, type AttendanceLine, type AttendanceRegister, type AttendanceStatus } from './types'
import './attendance.css'
import './texts'

/** What the form holds for one person until it is saved. */
interface Draft {
  status: AttendanceStatus | null
  companion: boolean
  /** Other hours as typed; only sent while the field is open. */
  hours: string
  hoursOpen: boolean
}

type Drafts = Readonly<Record<string, Draft>>

/** The fields of one person that can have an error: the person (`signup_id`), the companion and the hours. */
type RowField = 'signup_id' | 'companion_present' | 'hours'
type RowErrors = Readonly<Record<string, Partial<Record<RowField, string>>>>

const ROW_FIELDS: readonly RowField[] = ['signup_id', 'companion_present', 'hours']

function isRowField(name: string): name is RowField {
  return ROW_FIELDS.some((f) => f === name)
}

/** The form's state for the register as the server has it. */
function draftsOf(items: readonly AttendanceLine[], lang: string): Drafts {
  return Object.fromEntries(
    items.map((line) => [
      line.signup_id,
      {
        status: line.status ?? null,
        companion: line.companion_present ?? false,
        hours: line.hours_set && line.hours != null ? hoursInput(line.hours, lang) : '',
        hoursOpen: line.hours_set,
      },
    ]),
  )
}

/**
 * The request's entries: everyone with a choice (people without one are left out and keep what they have). The
 * companion only for a sign-up with a companion seat, and other hours only for someone present whose field is open.
 */
function entriesOf(items: readonly AttendanceLine[], drafts: Drafts): AttendanceEntry[] {
  return items.flatMap((line): AttendanceEntry[] => {
    const draft = drafts[line.signup_id]
    if (!draft?.status) return []
    const entry: AttendanceEntry = { signup_id: line.signup_id, status: draft.status }
    if (line.with_companion && draft.status === 'present') entry.companion_present = draft.companion
    if (draft.status === 'present' && draft.hoursOpen && draft.hours.trim() !== '') entry.hours = parseHours(draft.hours) ?? Number.NaN
    return [entry]
  })
}

/** The form's own check before sending, as the server checks: other hours from 0 to 24. */
function checkDrafts(items: readonly AttendanceLine[], drafts: Drafts): RowErrors {
  const errors: Record<string, Partial<Record<RowField, string>>> = {}
  for (const line of items) {
    const draft = drafts[line.signup_id]
    if (draft?.status === 'present' && draft.hoursOpen && draft.hours.trim() !== '' && parseHours(draft.hours) === null) {
      errors[line.signup_id] = { hours: 'out_of_range' }
    }
  }
  return errors
}

/**
 * The server's field errors (`items[2].hours`) on the people they are about: the index is the entry's place in the
 * request that was sent. Anything else is returned as `other`, to show above the form.
 */
function serverErrors(fields: Readonly<Record<string, string>>, sent: readonly AttendanceEntry[] | undefined): { rows: RowErrors; other: string | undefined } {
  const rows: Record<string, Partial<Record<RowField, string>>> = {}
  let other: string | undefined
  for (const [field, code] of Object.entries(fields)) {
    const match = /^items\[(\d+)\]\.(\w+)$/.exec(field)
    const signupId = match ? sent?.[Number(match[1])]?.signup_id : undefined
    const name = match?.[2] ?? ''
    if (signupId && isRowField(name)) rows[signupId] = { ...rows[signupId], [name]: code }
    else other ??= code
  }
  return { rows, other }
}

/** The id of the element an error of one person moves the focus to. */
function targetId(field: RowField, signupId: string): string {
  if (field === 'hours') return `hours-${signupId}`
  if (field === 'companion_present') return `companion-${signupId}`
  return `mark-${signupId}-present`
}

/**
 * The register to fill in: three big buttons per person (present, absent, excused), a companion checkbox for a
 * sign-up with a companion seat, other hours folded away, "everyone present", and one save for everyone. After
 * saving, the status message takes the focus; errors go next to the person they are about and in the summary.
 * Choices not saved yet hold back leaving the page (the question is asked at the save button) and closing the tab.
 * When saving finds the register closed meanwhile, `onLocked` is called: the page turns read-only and says why.
 */
export function RegisterForm({ occurrenceId, register, onLocked }: { occurrenceId: string; register: AttendanceRegister; onLocked: () => void }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { items } = register
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(items, i18n.language))
  const [clientErrors, setClientErrors] = useState<RowErrors>({})
  const [attempt, setAttempt] = useState(0)
  const [announced, setAnnounced] = useState('')
  const savedRef = useRef<HTMLDivElement>(null)
  const saveRef = useRef<HTMLButtonElement>(null)
  const leaveQuestionRef = useRef<HTMLParagraphElement>(null)
  // Set on success; the message takes the focus once it is there (the mutation's success state comes a render later).
  const focusSaved = useRef(false)
  const { mutation, fields, formError } = useApiForm(
    (entries: AttendanceEntry[]) => recordAttendance(occurrenceId, entries),
    (data) => {
      queryClient.setQueryData(attendanceKeys.register(occurrenceId), data)
      setDrafts(draftsOf(data.items, i18n.language))
      setAnnounced('')
      focusSaved.current = true
      // The offer's figures changed with it.
      void queryClient.invalidateQueries({ queryKey: [...attendanceKeys.all, 'overview', data.offer_id] })
    },
  )
  useEffect(() => {
    if (focusSaved.current && savedRef.current) {
      focusSaved.current = false
      savedRef.current.focus()
    }
  })

  const server = serverErrors(fields, mutation.variables)
  const rowErrors = Object.keys(clientErrors).length > 0 ? clientErrors : server.rows
  const dirty = JSON.stringify(entriesOf(items, drafts)) !== JSON.stringify(entriesOf(items, draftsOf(items, i18n.language)))
  const leave = useLeaveWarning(dirty)
  const asking = leave.state === 'blocked'
  useEffect(() => {
    if (asking) leaveQuestionRef.current?.focus()
  }, [asking])

  /** Stays on the page after the leave question: the focus goes to the save button, the likely next step. */
  function stay() {
    leave.reset?.()
    saveRef.current?.focus()
  }

  // The summary lists the errors in the order of the people, as `hours[<signup id>]` (the field's wording).
  const summary: Record<string, string> = {}
  for (const line of items) {
    for (const field of ROW_FIELDS) {
      const code = rowErrors[line.signup_id]?.[field]
      if (code) summary[`${field}[${line.signup_id}]`] = code
    }
  }
  const names = new Map(items.map((line) => [line.signup_id, line.display_name]))
  function summaryTarget(key: string): SummaryTarget | undefined {
    const match = /^(\w+)\[(.+)\]$/.exec(key)
    const field = match?.[1] ?? ''
    const signupId = match?.[2] ?? ''
    const name = names.get(signupId)
    if (!name || !isRowField(field)) return undefined
    const label =
      field === 'hours' ? t('attendance.register.hours', { name }) : field === 'companion_present' ? t('attendance.register.companion', { name }) : name
    return { id: targetId(field, signupId), label }
  }

  function change(signupId: string, next: Partial<Draft>) {
    setDrafts((current) => {
      const draft = current[signupId]
      return draft ? { ...current, [signupId]: { ...draft, ...next } } : current
    })
  }

  function everyonePresent() {
    const open = items.filter((line) => !drafts[line.signup_id]?.status)
    setDrafts((current) => {
      const next = { ...current }
      for (const line of open) {
        const draft = next[line.signup_id]
        if (draft) next[line.signup_id] = { ...draft, status: 'present' }
      }
      return next
    })
    setAnnounced(t('attendance.register.everyoneDone', { count: open.length }))
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((n) => n + 1)
    const problems = checkDrafts(items, drafts)
    setClientErrors(problems)
    if (Object.keys(problems).length > 0) {
      mutation.reset()
      return
    }
    mutation.mutate(entriesOf(items, drafts), {
      onError: (error) => {
        if (toApiError(error).code === 'attendance_locked') onLocked()
      },
    })
  }

  const counts = countOf(register.items)
  return (
    <form onSubmit={submit} noValidate className="meedoen-register__form">
      {/* A closed register is said by the page, above the read-only register this form gives way to. */}
      <FormError code={formError === 'attendance_locked' ? undefined : (formError ?? server.other)} scope="organisation" />
      <ErrorSummary errors={summary} targets={summaryTarget} scope="organisation" focusKey={attempt} />
      <div className="meedoen-register__everyone">
        <Button type="button" appearance="secondary-action-button" aria-describedby="register-everyone-help" onClick={everyonePresent}>
          {t('attendance.register.everyone')}
        </Button>
        <p id="register-everyone-help" className="meedoen-register__help">
          {t('attendance.register.everyoneHelp')}
        </p>
        <p className="meedoen-register__announce" aria-live="polite">
          {announced}
        </p>
      </div>
      <ul className="meedoen-register__list">
        {items.map((line) => {
          const draft = drafts[line.signup_id]
          return draft ? (
            <RegisterRow
              key={line.signup_id}
              line={line}
              draft={draft}
              defaultHours={register.default_hours}
              errors={rowErrors[line.signup_id] ?? {}}
              onChange={(next) => change(line.signup_id, next)}
            />
          ) : null
        })}
      </ul>
      <div className="meedoen-register__save">
        {dirty && <Paragraph className="meedoen-register__unsaved">{t('attendance.register.unsaved')}</Paragraph>}
        <Button ref={saveRef} type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('attendance.register.saving') : t('attendance.register.save')}
        </Button>
        {asking && (
          <InlineConfirm
            id="register-leave-question"
            question={t('attendance.register.leaveQuestion')}
            questionRef={leaveQuestionRef}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault()
                stay()
              }
            }}
            error={null}
            pending={false}
            yes={t('attendance.register.leaveYes')}
            busyText={t('attendance.register.leaveYes')}
            no={t('attendance.register.leaveNo')}
            onYes={() => leave.proceed?.()}
            onNo={stay}
          />
        )}
        {mutation.isSuccess && !dirty && (
          <Alert ref={savedRef} tabIndex={-1} type="ok" role="status">
            <Paragraph>{t('attendance.register.saved')}</Paragraph>
            <Paragraph>{t('attendance.register.counts', counts)}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  )
}

/** How many people have each status, and how many have none yet. */
function countOf(items: readonly AttendanceLine[]): { present: number; absent: number; excused: number; none: number } {
  const count = (status: AttendanceStatus | null) => items.filter((line) => (line.status ?? null) === status).length
  return { present: count('present'), absent: count('absent'), excused: count('excused'), none: count(null) }
}

/** One person: their name as the group's legend, the three buttons, and the companion and hours when they apply. */
function RegisterRow({
  line,
  draft,
  defaultHours,
  errors,
  onChange,
}: {
  line: AttendanceLine
  draft: Draft
  defaultHours: number
  errors: Partial<Record<RowField, string>>
  onChange: (next: Partial<Draft>) => void
}) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText('organisation')
  const id = line.signup_id
  const name = line.display_name
  const personError = errors.signup_id
  const personErrorId = personError ? `person-${id}-error` : undefined
  const notesId = line.excused_by_resident || line.with_companion ? `person-${id}-notes` : undefined
  return (
    <li className={personError ? 'meedoen-register__person meedoen-register__person--invalid' : 'meedoen-register__person'}>
      <fieldset className="meedoen-register__fieldset" aria-describedby={describedBy(personErrorId, notesId)}>
        <legend className="meedoen-register__name">{name}</legend>
        {notesId && (
          <div id={notesId}>
            {line.excused_by_resident && <p className="meedoen-register__note">{t('attendance.register.excusedByResident')}</p>}
            {line.with_companion && <p className="meedoen-register__note">{t('attendance.register.withCompanion')}</p>}
          </div>
        )}
        {personError && (
          <FormFieldErrorMessage id={personErrorId} className="meedoen-register__error">
            {errorText(personError, { field: 'signup_id' })}
          </FormFieldErrorMessage>
        )}
        <div className="meedoen-register__marks">
          {ATTENDANCE_STATUSES.map((status) => (
            <button
              key={status}
              id={`mark-${id}-${status}`}
              type="button"
              className={`meedoen-mark meedoen-mark--${status}`}
              aria-pressed={draft.status === status}
              aria-label={t('attendance.register.mark', { status: t(`attendance.status.${status}`), name })}
              onClick={() => onChange({ status })}
            >
              <span className="meedoen-mark__check" aria-hidden="true">
                ✓
              </span>
              <span className="meedoen-mark__label">{t(`attendance.status.${status}`)}</span>
            </button>
          ))}
        </div>
        {line.with_companion && draft.status === 'present' && (
          <CheckboxField
            id={`companion-${id}`}
            label={t('attendance.register.companion', { name })}
            checked={draft.companion}
            onChange={(companion) => onChange({ companion })}
            error={errors.companion_present}
            errorScope="organisation"
          />
        )}
        {draft.status === 'present' && (
          <div className="meedoen-register__hours">
            <Button
              type="button"
              appearance="subtle-button"
              className="meedoen-register__more"
              aria-expanded={draft.hoursOpen}
              aria-controls={draft.hoursOpen ? `hours-${id}-field` : undefined}
              aria-label={t('attendance.register.moreHoursLabel', { name })}
              onClick={() => onChange({ hoursOpen: !draft.hoursOpen })}
            >
              {t('attendance.register.moreHours')}
            </Button>
            {draft.hoursOpen && (
              <HoursField
                id={id}
                name={name}
                value={draft.hours}
                defaultHours={hoursText(defaultHours, t, i18n.language)}
                error={errors.hours}
                onChange={(hours) => onChange({ hours })}
              />
            )}
          </div>
        )}
      </fieldset>
    </li>
  )
}

/** Other hours for one person (0 to 24, a comma or a point), left empty for the occurrence's length. */
function HoursField({
  id,
  name,
  value,
  defaultHours,
  error,
  onChange,
}: {
  id: string
  name: string
  value: string
  defaultHours: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  const errorText = useErrorText('organisation')
  const fieldId = `hours-${id}`
  const descId = `${fieldId}-description`
  const errId = error ? `${fieldId}-error` : undefined
  return (
    <div id={`${fieldId}-field`}>
      <FormField
        className="meedoen-register__hours-field"
        invalid={Boolean(error)}
        label={<FormLabel htmlFor={fieldId}>{t('attendance.register.hours', { name })}</FormLabel>}
        description={<FormFieldDescription id={descId}>{t('attendance.register.hoursHelp', { hours: defaultHours })}</FormFieldDescription>}
        errorMessage={error ? <FormFieldErrorMessage id={errId}>{errorText(error, { field: 'hours' })}</FormFieldErrorMessage> : undefined}
        input={
          <Textbox
            id={fieldId}
            name={fieldId}
            value={value}
            inputMode="decimal"
            autoComplete="off"
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(errId, descId)}
            onChange={(e) => onChange(e.target.value)}
          />
        }
      />
    </div>
  )
}
