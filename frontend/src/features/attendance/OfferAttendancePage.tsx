import { useMutation, useQuery } from '@tanstack/react-query'
import {
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { useOffer } from '../../api/queries'
import type { Offer } from '../../api/types'
import { useTokens } from '../../auth/useSession'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { saveFile } from '../../lib/saveFile'
import { addDays, byStart, formatDay, formatMeeting, localDate } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { attendanceKeys, listOccurrences, offerOverview, organisationCsv } from './api'
import { hoursText, lastDays, type DayRange } from './format'
import type { HeldOccurrence, Occurrence, OfferOverview } from './types'
import './attendance.css'
import './texts'

/** How long after its start an occurrence's register can be changed (the server's rule). */
const EDITABLE_MS = 14 * 24 * 60 * 60 * 1000

/** The recent occurrences: the last 8 weeks, and far enough ahead to find the next one (92 days, the most at once). */
function recentRange(today: string): DayRange {
  return { from: addDays(today, -55), to: addDays(today, 36) }
}

/**
 * An offer's attendance for its organisation (/organisation/offers/:offerId/attendance): the occurrences of the last
 * 8 weeks and the next one, each with a link to its register; the figures of the last 3 months in a table; and the
 * organisation's attendance as a CSV download.
 */
export default function OfferAttendancePage() {
  const { offerId = '' } = useParams()
  const { t } = useTranslation()
  const tokens = useTokens()
  const today = localDate()
  const recent = recentRange(today)
  const quarter = lastDays(today, 91)
  const offer = useOffer(offerId, tokens !== null)
  const occurrences = useQuery({
    queryKey: attendanceKeys.occurrences(offerId, recent.from, recent.to),
    queryFn: () => listOccurrences(offerId, recent.from, recent.to),
    enabled: tokens !== null,
  })
  const overview = useQuery({
    queryKey: attendanceKeys.overview(offerId, quarter.from, quarter.to),
    queryFn: () => offerOverview(offerId, quarter.from, quarter.to),
    enabled: tokens !== null,
  })
  const pageTitle = t('attendance.overview.pageTitle')
  const title = offer.data ? t('attendance.overview.title', { title: offer.data.title }) : pageTitle
  useDocumentTitle(title)

  if (!tokens) {
    return (
      <>
        <Heading1>{pageTitle}</Heading1>
        <Paragraph>{t('attendance.register.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=/organisation/offers/${offerId}/attendance`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }
  const forbidden = overview.isError && [403, 404].includes(toApiError(overview.error).status)
  const failed = forbidden ? null : (offer.error ?? occurrences.error ?? overview.error)
  return (
    <>
      <Paragraph>
        <AppLink to={`/organisation/offers/${offerId}/signups`}>{t('attendance.register.backToSignups')}</AppLink>
      </Paragraph>
      <Heading1>{title}</Heading1>
      {(offer.isPending || occurrences.isPending || overview.isPending) && !forbidden && <Loading />}
      {forbidden && (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('attendance.register.notAllowed')}</Paragraph>
        </div>
      )}
      {failed && (
        <ErrorAlert
          scope="organisation"
          error={failed}
          onRetry={() => {
            void offer.refetch()
            void occurrences.refetch()
            void overview.refetch()
          }}
        />
      )}
      {offer.data && occurrences.data && overview.data && (
        <>
          <Paragraph>{t('attendance.overview.intro')}</Paragraph>
          <RecentOccurrences occurrences={occurrences.data} overview={overview.data} />
          <QuarterFigures overview={overview.data} />
          <CsvDownload offer={offer.data} range={quarter} />
        </>
      )}
    </>
  )
}

/** The next occurrence first, then the ones that started, newest first, each with its figures and its register. */
function RecentOccurrences({ occurrences, overview }: { occurrences: Occurrence[]; overview: OfferOverview }) {
  const { t } = useTranslation()
  const [now] = useState(() => Date.now())
  const ordered = byStart(occurrences)
  const started = ordered.filter((o) => Date.parse(o.starts_at) <= now).reverse()
  const next = ordered.find((o) => Date.parse(o.starts_at) > now)
  const held = new Map(overview.occurrences.map((o) => [o.occurrence_id, o]))
  const shown = next ? [next, ...started] : started
  return (
    <section className="meedoen-org-section" aria-labelledby="attendance-recent">
      <Heading2 id="attendance-recent">{t('attendance.overview.recent')}</Heading2>
      {shown.length === 0 ? (
        <Paragraph>{t('attendance.overview.noRecent')}</Paragraph>
      ) : (
        <ul className="meedoen-attendance__occurrences">
          {shown.map((o) => (
            <OccurrenceItem key={o.id} occurrence={o} isNext={o === next} held={held.get(o.id)} now={now} />
          ))}
        </ul>
      )}
    </section>
  )
}

function OccurrenceItem({ occurrence: o, isNext, held, now }: { occurrence: Occurrence; isNext: boolean; held: HeldOccurrence | undefined; now: number }) {
  const { t, i18n } = useTranslation()
  const when = formatMeeting(o, t, i18n.language)
  const locked = Date.parse(o.starts_at) + EDITABLE_MS <= now
  return (
    <li className={o.cancelled ? 'meedoen-attendance__occurrence meedoen-attendance__occurrence--cancelled' : 'meedoen-attendance__occurrence'}>
      {isNext && <p className="meedoen-attendance__next">{t('attendance.overview.next')}</p>}
      <p>
        <time className="meedoen-attendance__when" dateTime={o.starts_at}>
          {when}
        </time>
      </p>
      {o.cancelled ? (
        <p>
          <strong>{t('attendance.overview.cancelled')}</strong>
          {o.reason && <> · {o.reason}</>}
        </p>
      ) : (
        <>
          {held && (
            <p>
              {t('attendance.overview.figures', { present: held.present, expected: held.expected })}
              {held.unrecorded > 0 && <> · {t('attendance.overview.unrecorded', { count: held.unrecorded })}</>}
            </p>
          )}
          <p>
            <AppLink
              to={`/organisation/occurrences/${encodeURIComponent(o.id)}/attendance`}
              aria-label={t(locked ? 'attendance.overview.viewLabel' : 'attendance.overview.fillLabel', { when })}
            >
              {t(locked ? 'attendance.overview.view' : 'attendance.overview.fill')}
            </AppLink>
          </p>
        </>
      )}
    </li>
  )
}

/** The totals of the last 3 months: occurrences held, expected and present, no-shows, excused, not filled in, hours. */
function QuarterFigures({ overview }: { overview: OfferOverview }) {
  const { t, i18n } = useTranslation()
  const rows: [string, string][] = [
    [t('attendance.overview.held'), String(overview.occurrences_held)],
    [t('attendance.overview.expected'), String(overview.expected)],
    [t('attendance.overview.present'), String(overview.present)],
    [t('attendance.overview.noShows'), String(overview.no_shows)],
    [t('attendance.overview.excused'), String(overview.excused)],
    [t('attendance.overview.unrecorded'), String(overview.unrecorded)],
    [t('attendance.overview.hours'), hoursText(overview.hours, t, i18n.language)],
  ]
  return (
    <section className="meedoen-org-section" aria-labelledby="attendance-quarter">
      <Heading2 id="attendance-quarter">{t('attendance.overview.quarter')}</Heading2>
      <Table className="meedoen-attendance__table">
        <TableCaption className="meedoen-attendance__caption">
          {t('attendance.overview.period', { from: formatDay(overview.from, i18n.language), to: formatDay(overview.to, i18n.language) })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('attendance.overview.what')}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('attendance.overview.number')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell numericColumn>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  )
}

/** The organisation's attendance of the same 3 months as a CSV file, fetched with the access token and saved. */
function CsvDownload({ offer, range }: { offer: Offer; range: DayRange }) {
  const { t, i18n } = useTranslation()
  const download = useMutation({
    mutationFn: () => organisationCsv(offer.organisation_id, range.from, range.to),
    onSuccess: (blob) => saveFile(blob, `presentie-${range.from}-${range.to}.csv`),
  })
  return (
    <section className="meedoen-org-section" aria-labelledby="attendance-csv">
      <Heading2 id="attendance-csv">{t('attendance.overview.csv.title')}</Heading2>
      <Paragraph>
        {t('attendance.overview.csv.intro', {
          name: offer.organisation_name,
          from: formatDay(range.from, i18n.language),
          to: formatDay(range.to, i18n.language),
        })}
      </Paragraph>
      <Button appearance="secondary-action-button" busy={download.isPending} disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t('attendance.overview.csv.busy') : t('attendance.overview.csv.button')}
      </Button>
      {download.isError && <ErrorAlert scope="organisation" error={download.error} />}
    </section>
  )
}
