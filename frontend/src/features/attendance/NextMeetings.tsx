import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { InlineConfirm, useInlineConfirm } from '../../components/InlineConfirm'
import { addDays, byStart, localDate, occurrenceInWords } from '../../lib/schedule'
import { attendanceKeys, listOccurrences, myParticipation, reportAbsence } from './api'
import type { Occurrence } from './types'
import './attendance.css'
import './texts'

/** How many of the coming meetings a card shows. */
const SHOWN = 4

/**
 * The next meetings of an activity the resident has a place on (the coming 4 weeks), on "Mijn activiteiten": each
 * with "Ik kan niet komen", which asks first (inline) and then tells the organisation. Meetings the resident already
 * said they cannot come to (their participation's excused records) say so instead.
 */
export function NextMeetings({ offerId, title }: { offerId: string; title: string }) {
  const { t } = useTranslation()
  const today = localDate()
  const to = addDays(today, 27)
  const occurrences = useQuery({
    queryKey: attendanceKeys.occurrences(offerId, today, to),
    queryFn: () => listOccurrences(offerId, today, to),
  })
  // One request for every card: the same period, so the same key.
  const mine = useQuery({ queryKey: attendanceKeys.minePeriod(today, to), queryFn: () => myParticipation(today, to) })
  // The moment the card was shown: which meetings have started (a new visit looks again).
  const [now] = useState(() => Date.now())
  const headingId = `next-meetings-${offerId}`
  if (occurrences.isPending) return null
  const reported = new Set((mine.data?.records ?? []).filter((r) => r.status === 'excused').map((r) => r.occurrence_id))
  const coming = occurrences.data ? byStart(occurrences.data).filter((o) => Date.parse(o.ends_at) > now).slice(0, SHOWN) : []
  return (
    <section className="meedoen-next-meetings" aria-labelledby={headingId}>
      <h3 id={headingId} className="utrecht-heading-4 meedoen-next-meetings__title">
        {t('attendance.absence.title')}
      </h3>
      {occurrences.isError ? (
        <p>{t('attendance.absence.loadFailed')}</p>
      ) : coming.length === 0 ? (
        <p>{t('attendance.absence.none')}</p>
      ) : (
        <ul className="meedoen-next-meetings__list">
          {coming.map((o) => (
            <MeetingItem key={o.id} occurrence={o} title={title} reported={reported.has(o.id)} started={Date.parse(o.starts_at) <= now} />
          ))}
        </ul>
      )}
    </section>
  )
}

function MeetingItem({ occurrence: o, title, reported, started }: { occurrence: Occurrence; title: string; reported: boolean; started: boolean }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const report = useMutation({
    mutationFn: () => reportAbsence(o.id),
    onSuccess: () => {
      confirm.close()
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.mine() })
    },
  })
  const { openerRef, questionRef, doneRef, ...confirm } = useInlineConfirm(report)
  const when = occurrenceInWords(o, t, i18n.language)
  const questionId = `absence-${o.id}-question`
  return (
    <li className={o.cancelled ? 'meedoen-next-meetings__item meedoen-next-meetings__item--cancelled' : 'meedoen-next-meetings__item'}>
      <p>
        <time className="meedoen-next-meetings__when" dateTime={o.starts_at}>
          {when}
        </time>
      </p>
      {o.cancelled ? (
        <p>
          <strong>{t('attendance.absence.cancelled')}</strong>
          {o.reason && <> · {o.reason}</>}
        </p>
      ) : report.isSuccess ? (
        <Alert ref={doneRef} tabIndex={-1} type="ok" role="status">
          <Paragraph>{t('attendance.absence.done', { when })}</Paragraph>
        </Alert>
      ) : reported ? (
        <p>
          <strong>{t('attendance.absence.reported')}</strong>
        </p>
      ) : started ? (
        <p>{t('attendance.absence.started')}</p>
      ) : confirm.confirming ? (
        <InlineConfirm
          id={questionId}
          question={t('attendance.absence.question', { when })}
          questionRef={questionRef}
          onKeyDown={confirm.onKeyDown}
          error={report.isError ? report.error : null}
          pending={report.isPending}
          yes={t('attendance.absence.yes')}
          busyText={t('attendance.absence.busy')}
          no={t('attendance.absence.no')}
          onYes={() => report.mutate()}
          onNo={confirm.cancel}
        />
      ) : (
        <Button
          ref={openerRef}
          appearance="secondary-action-button"
          aria-label={t('attendance.absence.cantComeLabel', { title, when })}
          onClick={confirm.ask}
        >
          {t('attendance.absence.cantCome')}
        </Button>
      )}
    </li>
  )
}
