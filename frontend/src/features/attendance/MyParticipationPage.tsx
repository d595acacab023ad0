import { useQuery } from '@tanstack/react-query'
import {
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useTokens } from '../../auth/useSession'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { RadioGroup } from '../../components/ChoiceGroups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { formatDay, localDate } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { StatementsSection } from '../statements/StatementsSection'
import { attendanceKeys, myParticipation } from './api'
import { hoursText, isParticipationPeriod, monthInWords, PARTICIPATION_PERIODS, participationRange, startInWords, type ParticipationPeriod } from './format'
import type { AttendanceRecord, Participation } from './types'
import './attendance.css'
import './texts'

/**
 * My participation (/my-participation?period=month|quarter|year): how often a resident was at their activities and
 * for how many hours, in total, per activity and per month, and every occurrence with what was recorded. The last
 * 3 months unless the URL says otherwise. At the end, the statement of that period for a klantmanager (StatementsSection).
 */
export default function MyParticipationPage() {
  const { t, i18n } = useTranslation()
  useDocumentTitle(t('attendance.mine.title'))
  const tokens = useTokens()
  const [params, setParams] = useSearchParams()
  const asked = params.get('period')
  const period: ParticipationPeriod = isParticipationPeriod(asked) ? asked : 'quarter'
  const range = participationRange(period, localDate())
  const participation = useQuery({
    queryKey: attendanceKeys.minePeriod(range.from, range.to),
    queryFn: () => myParticipation(range.from, range.to),
    enabled: tokens !== null,
  })

  if (!tokens) {
    return (
      <>
        <Heading1>{t('attendance.mine.title')}</Heading1>
        <Paragraph>{t('attendance.mine.needLogin')}</Paragraph>
        <AppButtonLink to="/login?next=/my-participation">{t('app.login')}</AppButtonLink>
      </>
    )
  }
  return (
    <>
      <Paragraph>
        <AppLink to="/my-activities">{t('attendance.mine.back')}</AppLink>
      </Paragraph>
      <Heading1>{t('attendance.mine.title')}</Heading1>
      <Paragraph>{t('attendance.mine.intro')}</Paragraph>
      <div className="meedoen-participation__period">
        <RadioGroup
          id="participation-period"
          legend={t('attendance.mine.period')}
          options={PARTICIPATION_PERIODS.map((key) => ({ key, label: t(`attendance.mine.periods.${key}`) }))}
          value={period}
          onChange={(next) => setParams({ period: next }, { replace: true })}
        />
      </div>
      <Paragraph>{t('attendance.mine.periodText', { from: formatDay(range.from, i18n.language), to: formatDay(range.to, i18n.language) })}</Paragraph>
      {participation.isPending && <Loading />}
      {participation.isError && <ErrorAlert error={participation.error} onRetry={() => void participation.refetch()} />}
      {participation.data && <ParticipationView participation={participation.data} />}
      <StatementsSection from={range.from} to={range.to} />
    </>
  )
}

function ParticipationView({ participation: p }: { participation: Participation }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (p.records.length === 0 && p.items.length === 0) return <Paragraph>{t('attendance.mine.empty')}</Paragraph>
  return (
    <>
      <section aria-labelledby="participation-totals">
        <Heading2 id="participation-totals">{t('attendance.mine.totals')}</Heading2>
        <dl className="meedoen-participation__totals">
          <div>
            <dt>{t('attendance.mine.sessions')}</dt>
            <dd>{p.sessions_present}</dd>
          </div>
          <div>
            <dt>{t('attendance.mine.hours')}</dt>
            <dd>{hoursText(p.hours, t, lang)}</dd>
          </div>
        </dl>
      </section>
      {p.items.length > 0 && (
        <FiguresTable
          id="participation-activities"
          title={t('attendance.mine.perActivity')}
          first={t('attendance.mine.activity')}
          rows={p.items.map((item) => ({
            key: item.offer_id,
            label: (
              <>
                {item.offer_title}
                <span className="meedoen-participation__organisation">{item.organisation_name}</span>
              </>
            ),
            sessions: item.sessions_present,
            hours: hoursText(item.hours, t, lang),
          }))}
        />
      )}
      {p.months.length > 0 && (
        <FiguresTable
          id="participation-months"
          title={t('attendance.mine.perMonth')}
          first={t('attendance.mine.month')}
          rows={p.months.map((month) => ({
            key: month.month,
            label: monthInWords(month.month, lang),
            sessions: month.sessions_present,
            hours: hoursText(month.hours, t, lang),
          }))}
        />
      )}
      {p.records.length > 0 && (
        <section className="meedoen-participation__section" aria-labelledby="participation-records">
          <Heading2 id="participation-records">{t('attendance.mine.records')}</Heading2>
          <ul className="meedoen-participation__records">
            {p.records.map((record) => (
              <RecordItem key={record.occurrence_id} record={record} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

/** A table of figures under its own heading: the first column names the row, then times present and hours. */
function FiguresTable({
  id,
  title,
  first,
  rows,
}: {
  id: string
  title: string
  first: string
  rows: { key: string; label: ReactNode; sessions: number; hours: string }[]
}) {
  const { t } = useTranslation()
  return (
    <section className="meedoen-participation__section" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      <Table className="meedoen-attendance__table" aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{first}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('attendance.mine.sessions')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('attendance.mine.hours')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              <TableCell numericColumn>{row.sessions}</TableCell>
              <TableCell numericColumn>{row.hours}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  )
}

/** One occurrence: when, which activity, and what was recorded, in words. */
function RecordItem({ record }: { record: AttendanceRecord }) {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => Date.now())
  const coming = Date.parse(record.starts_at) > now
  const status =
    record.status === 'excused' && coming
      ? t('attendance.mine.reported')
      : record.status === 'present'
        ? `${t('attendance.mine.recordStatus.present')} (${hoursText(record.hours, t, i18n.language)})`
        : t(`attendance.mine.recordStatus.${record.status}`)
  return (
    <li className="meedoen-participation__record">
      <p>
        <time dateTime={record.starts_at}>{startInWords(record.starts_at, t, i18n.language)}</time>
      </p>
      <p className="meedoen-participation__title">{record.offer_title}</p>
      <p>
        <strong className={`meedoen-register__status meedoen-register__status--${record.status}`}>{status}</strong>
      </p>
    </li>
  )
}
