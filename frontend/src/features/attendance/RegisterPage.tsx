import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { useTokens } from '../../auth/useSession'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormError } from '../../components/FormError'
import { Loading } from '../../components/Loading'
import { formatDateTime } from '../../lib/dates'
import { formatMeeting } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { attendanceKeys, getRegister } from './api'
import { hoursText } from './format'
import { RegisterForm } from './RegisterForm'
import type { AttendanceLine, AttendanceRegister } from './types'
import './attendance.css'
import './texts'

/**
 * The register of one occurrence (/organisation/occurrences/:occurrenceId/attendance), for the members of the
 * offer's organisation: who has a place, and per person present, absent or excused. It can be filled in from the
 * start of the occurrence until two weeks later; before, after and for a cancelled occurrence it only shows.
 */
export default function RegisterPage() {
  const { occurrenceId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const tokens = useTokens()
  const location = useLocation()
  const register = useQuery({
    queryKey: attendanceKeys.register(occurrenceId),
    queryFn: () => getRegister(occurrenceId),
    enabled: tokens !== null,
  })
  const pageTitle = t('attendance.register.pageTitle')
  useDocumentTitle(register.data ? `${t('attendance.register.title', { title: register.data.offer_title })}, ${formatMeeting(register.data.occurrence, t, i18n.language)}` : pageTitle)

  if (!tokens) {
    return (
      <>
        <Heading1>{pageTitle}</Heading1>
        <Paragraph>{t('attendance.register.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }
  if (register.isPending) return <Loading />
  if (register.isError) {
    const status = toApiError(register.error).status
    return (
      <>
        <Heading1>{pageTitle}</Heading1>
        {status === 403 || status === 404 ? (
          <div className="meedoen-notice" role="note">
            <Paragraph>{t(status === 403 ? 'attendance.register.notAllowed' : 'attendance.register.notFound')}</Paragraph>
          </div>
        ) : (
          <ErrorAlert scope="organisation" error={register.error} onRetry={() => void register.refetch()} />
        )}
      </>
    )
  }
  return <RegisterView occurrenceId={occurrenceId} register={register.data} />
}

function RegisterView({ occurrenceId, register }: { occurrenceId: string; register: AttendanceRegister }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  // Saving found the register closed: the two weeks ran out while the page was open. Said above the register.
  const [lockedWhileOpen, setLockedWhileOpen] = useState(false)
  const { occurrence } = register
  const editable = register.started && !register.locked && !occurrence.cancelled

  function registerLocked() {
    setLockedWhileOpen(true)
    const key = attendanceKeys.register(occurrenceId)
    // Read-only at once, as a locked register from the server looks; the refetch brings what others saved.
    queryClient.setQueryData<AttendanceRegister>(key, (current) => current && { ...current, locked: true })
    void queryClient.invalidateQueries({ queryKey: key })
  }

  return (
    <>
      <Paragraph>
        <AppLink to={`/organisation/offers/${register.offer_id}/signups`}>{t('attendance.register.backToSignups')}</AppLink>
      </Paragraph>
      <Heading1>
        {t('attendance.register.title', { title: register.offer_title })}{' '}
        <time className="meedoen-register__when" dateTime={occurrence.starts_at}>
          {formatMeeting(occurrence, t, i18n.language)}
        </time>
      </Heading1>
      <FormError code={lockedWhileOpen ? 'attendance_locked' : undefined} scope="organisation" />
      {occurrence.cancelled && (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('attendance.register.cancelled')}</Paragraph>
          {occurrence.reason && <Paragraph>{t('attendance.register.reason', { reason: occurrence.reason })}</Paragraph>}
        </div>
      )}
      {!occurrence.cancelled && !register.started && (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('attendance.register.notStarted')}</Paragraph>
        </div>
      )}
      {!occurrence.cancelled && register.started && register.locked && (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('attendance.register.locked', { date: formatDateTime(register.locks_at, i18n.language) })}</Paragraph>
        </div>
      )}
      {editable && <Paragraph>{t('attendance.register.openUntil', { date: formatDateTime(register.locks_at, i18n.language) })}</Paragraph>}

      <section className="meedoen-register" aria-labelledby="register-people">
        <Heading2 id="register-people">{t('attendance.register.people', { count: register.items.length })}</Heading2>
        {register.items.length === 0 ? (
          <Paragraph>{t('attendance.register.nobody')}</Paragraph>
        ) : editable ? (
          <RegisterForm occurrenceId={occurrenceId} register={register} onLocked={registerLocked} />
        ) : (
          <ReadOnlyList items={register.items} started={register.started} />
        )}
      </section>
      <Paragraph>
        <AppLink to={`/organisation/offers/${register.offer_id}/attendance`}>{t('attendance.register.toOverview')}</AppLink>
      </Paragraph>
    </>
  )
}

/** The register as it stands, without buttons: before the start, once it is locked, or for a cancelled occurrence. */
function ReadOnlyList({ items, started }: { items: AttendanceLine[]; started: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="meedoen-register__list">
      {items.map((line) => (
        <li key={line.signup_id} className="meedoen-register__person">
          <p className="meedoen-register__name">{line.display_name}</p>
          {line.excused_by_resident && <p className="meedoen-register__note">{t('attendance.register.excusedByResident')}</p>}
          {line.with_companion && !line.status && <p className="meedoen-register__note">{t('attendance.register.withCompanion')}</p>}
          {line.status ? (
            <p>
              <strong className={`meedoen-register__status meedoen-register__status--${line.status}`}>{t(`attendance.status.${line.status}`)}</strong>
              {line.status === 'present' && line.hours != null && <> · {hoursText(line.hours, t, i18n.language)}</>}
            </p>
          ) : (
            started && <p>{t('attendance.status.none')}</p>
          )}
          {line.companion_present && <p>{t('attendance.register.companionThere')}</p>}
        </li>
      ))}
    </ul>
  )
}
