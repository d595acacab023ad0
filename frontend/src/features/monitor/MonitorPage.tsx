import type { TFunction } from 'i18next'
import { skipToken, useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query'
import {
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { useDistricts } from '../../api/queries'
import { useMe } from '../../auth/useSession'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RoleGate } from '../../components/RoleGate'
import { SelectField } from '../../components/SelectField'
import type { Language } from '../../i18n'
import { useErrorText } from '../../i18n/useErrorText'
import { findDistrict, flattenDistrictTree, indentLabel, subtreeIds } from '../../lib/districts'
import { saveFile } from '../../lib/saveFile'
import { localDate } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { myDistricts, workerKeys } from '../worker/api'
import { getMonitor, listIndicators, monitorCsv, monitorKeys, type MonitorQuestion } from './api'
import { MonitorChart, type ChartRow } from './MonitorChart'
import { isPeriod, lastMonths, lastQuarters, monthOf, periodInWords } from './period'
import { difference, figureText, formatNumber, PROTECTS_MARK, shownValue, summarize } from './summary'
import { INDICATOR_KEYS, type DistrictNode, type Figure, type Indicator, type IndicatorKey, type MonitorAnswer, type MonitorLine } from './types'
import './monitor.css'
import './texts'

/** The indicator shown when the link names none (or one the app does not know). */
const DEFAULT_INDICATOR: IndicatorKey = 'active_residents'

/** The catalogue changes only with the server: fresh for five minutes, like the district tree. */
const STALE_TIME = 5 * 60_000

function isIndicatorKey(value: string | null): value is IndicatorKey {
  return INDICATOR_KEYS.some((key) => key === value)
}

/** The link to a view: the area in the path, the indicator and period in the query string. */
function monitorPath(area: string, indicator: IndicatorKey, period: string): string {
  return `/monitor/${encodeURIComponent(area)}?${new URLSearchParams({ indicator, period }).toString()}`
}

/**
 * The monitor (`/monitor/:areaId?indicator=…&period=…`): one indicator for a month or quarter in a municipality,
 * area or district, per area or district below it, with the period before, as a table, a summary in words, a bar
 * chart and a CSV download. Each line drills down into its area. For the `monitor` role and admins (every area,
 * the first municipality by default) and workers (their own districts, the first one by default).
 */
export default function MonitorPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('monitor.title'))
  return (
    <RoleGate roles={['monitor', 'admin', 'worker']} title={t('monitor.title')}>
      <Monitor />
    </RoleGate>
  )
}

function Monitor() {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'nl'
  const { me } = useMe()
  const roles = me?.roles ?? []
  // Admins and the monitor role see every area; anyone else here is a worker, who sees their own districts.
  const everything = roles.includes('admin') || roles.includes('monitor')
  const { areaId } = useParams()
  const [params] = useSearchParams()
  const [today] = useState(() => localDate())
  const asked = params.get('indicator')
  const indicator = isIndicatorKey(asked) ? asked : DEFAULT_INDICATOR
  const askedPeriod = params.get('period')
  const period = isPeriod(askedPeriod) ? askedPeriod : monthOf(today)

  const indicators = useQuery({ queryKey: monitorKeys.indicators(lang), queryFn: () => listIndicators(lang), staleTime: STALE_TIME })
  const districts = useDistricts()
  const own = useQuery({ queryKey: workerKeys.districts(), queryFn: myDistricts, enabled: !everything })
  const tree = districts.data
  /** What this reader may open: everything (null), or a worker's districts and what lies below them. */
  const scope = everything ? null : tree && own.data ? subtreeIds(tree, own.data.map((d) => d.id)) : new Set<string>()
  const area = areaId ?? (everything ? tree?.[0]?.id : own.data?.[0]?.id)
  const question: MonitorQuestion | null = area ? { indicator, area, period } : null
  const answer = useQuery({
    queryKey: question ? monitorKeys.answer(question, lang) : monitorKeys.all,
    queryFn: question ? () => getMonitor(question, lang) : skipToken,
  })

  const node = tree && area ? findDistrict(tree, area) : undefined
  const areaName = answer.data?.total.name ?? node?.name
  const setup = [indicators, districts, ...(everything ? [] : [own])]
  const setupError = setup.find((q) => q.isError)?.error
  const ready = indicators.data && tree && (everything || own.data)
  const noAreas = ready && !area
  return (
    <>
      {tree && node && <Breadcrumb tree={tree} node={node} name={areaName ?? node.name} scope={scope} indicator={indicator} period={period} />}
      <Heading1>{areaName ? t('monitor.titleFor', { area: areaName }) : t('monitor.title')}</Heading1>
      <Paragraph>{t('monitor.intro', { min: answer.data?.min_count ?? 5 })}</Paragraph>
      {!everything && <Paragraph>{t('monitor.introWorker')}</Paragraph>}
      {setupError ? (
        <ErrorAlert error={setupError} onRetry={() => setup.forEach((q) => void q.refetch())} />
      ) : !ready ? (
        // Once the area is known, the answer below says it is loading.
        !question && <Loading />
      ) : noAreas ? (
        <div className="meedoen-notice" role="note">
          <Paragraph>{t(everything ? 'monitor.noDistricts' : 'monitor.noWorkerDistricts')}</Paragraph>
        </div>
      ) : (
        question && (
          <MonitorForm
            key={`${question.area}|${question.indicator}|${question.period}`}
            question={question}
            indicators={indicators.data}
            areas={areaOptions(tree, scope, question.area)}
            today={today}
          />
        )
      )}
      {question && <Answer answer={answer} question={question} lang={lang} worker={!everything && areaId !== undefined} scope={scope} />}
    </>
  )
}

/** The areas to choose from: the whole tree, or a worker's part of it, without retired districts. */
function areaOptions(tree: DistrictNode[], scope: Set<string> | null, current: string): { value: string; label: string }[] {
  const options = flattenDistrictTree(tree)
    .filter((d) => !d.retired && (scope === null || scope.has(d.id)))
    .map((d) => ({ value: d.id, label: indentLabel(d) }))
  const asked = findDistrict(tree, current)
  // A link may ask for an area the list does not offer (a retired one): it stays chosen.
  if (asked && !options.some((o) => o.value === current)) options.unshift({ value: asked.id, label: asked.name })
  return options
}

/** Where the asked area lies: its municipality and area, each a link up (a worker's only where they may look). */
function Breadcrumb({
  tree,
  node,
  name,
  scope,
  indicator,
  period,
}: {
  tree: DistrictNode[]
  node: DistrictNode
  name: string
  scope: Set<string> | null
  indicator: IndicatorKey
  period: string
}) {
  const { t } = useTranslation()
  const ancestors: DistrictNode[] = []
  for (let up = node.parent_id ? findDistrict(tree, node.parent_id) : undefined; up; up = up.parent_id ? findDistrict(tree, up.parent_id) : undefined) {
    ancestors.unshift(up)
  }
  if (ancestors.length === 0) return null
  return (
    <nav aria-label={t('monitor.breadcrumb')} className="meedoen-monitor__crumbs">
      <ol>
        {ancestors.map((a) => (
          <li key={a.id}>
            {scope === null || scope.has(a.id) ? <AppLink to={monitorPath(a.id, indicator, period)}>{a.name}</AppLink> : <span>{a.name}</span>}
            <span aria-hidden="true" className="meedoen-monitor__separator">
              ›
            </span>
          </li>
        ))}
        <li>
          <span aria-current="page">{name}</span>
        </li>
      </ol>
    </nav>
  )
}

/** The question as a form: indicator (with its definition), period and area; shown once sent, as a link. */
function MonitorForm({
  question,
  indicators,
  areas,
  today,
}: {
  question: MonitorQuestion
  indicators: Indicator[]
  areas: { value: string; label: string }[]
  today: string
}) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [draft, setDraft] = useState(question)
  const chosen = indicators.find((i) => i.key === draft.indicator)
  const months = lastMonths(today)
  const quarters = lastQuarters(today)
  // A link may name a period the lists do not have (older, or a run of months): it stays chosen.
  const other = months.includes(question.period) || quarters.includes(question.period) ? null : question.period

  function submit(e: FormEvent) {
    e.preventDefault()
    void navigate(monitorPath(draft.area, draft.indicator, draft.period))
  }

  return (
    <form className="meedoen-form" onSubmit={submit} aria-label={t('monitor.controls.form')}>
      <SelectField
        id="monitor-indicator"
        label={t('monitor.controls.indicator')}
        value={draft.indicator}
        onChange={(value) => setDraft({ ...draft, indicator: isIndicatorKey(value) ? value : DEFAULT_INDICATOR })}
        options={indicators.map((i) => ({ value: i.key, label: i.name }))}
        description={chosen?.definition}
      />
      <SelectField id="monitor-period" label={t('monitor.controls.period')} value={draft.period} onChange={(value) => setDraft({ ...draft, period: value })}>
        {other && <option value={other}>{periodInWords(other, t, i18n.language)}</option>}
        <optgroup label={t('monitor.controls.months')}>
          {months.map((p) => (
            <option key={p} value={p}>
              {periodInWords(p, t, i18n.language)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('monitor.controls.quarters')}>
          {quarters.map((p) => (
            <option key={p} value={p}>
              {periodInWords(p, t, i18n.language)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField id="monitor-area" label={t('monitor.controls.area')} value={draft.area} onChange={(value) => setDraft({ ...draft, area: value })} options={areas} />
      <Button type="submit" appearance="primary-action-button">
        {t('monitor.controls.show')}
      </Button>
    </form>
  )
}

/**
 * The answer, its loading and its errors: a worker asking outside their districts gets the translated 403 (and the
 * way back to their own), a link the server cannot read the field's text, anything else a retry.
 */
function Answer({
  answer,
  question,
  lang,
  worker,
  scope,
}: {
  answer: UseQueryResult<MonitorAnswer>
  question: MonitorQuestion
  lang: Language
  worker: boolean
  scope: Set<string> | null
}) {
  const { t } = useTranslation()
  const errorText = useErrorText('monitor')
  if (answer.isPending) return <Loading />
  if (answer.isError) {
    const error = toApiError(answer.error)
    const field = error.fieldErrors[0]
    if (error.status === 403) {
      return (
        <>
          <ErrorAlert scope="monitor" error={answer.error} />
          {worker && (
            <Paragraph>
              <AppLink to={`/monitor?${new URLSearchParams({ indicator: question.indicator, period: question.period }).toString()}`}>{t('monitor.toOwnDistricts')}</AppLink>
            </Paragraph>
          )}
        </>
      )
    }
    if (error.status === 422 && field) return <ErrorAlert scope="monitor" error={answer.error} text={errorText(field.code, { field: field.field })} />
    return <ErrorAlert scope="monitor" error={answer.error} onRetry={() => void answer.refetch()} />
  }
  return <Figures answer={answer.data} question={question} lang={lang} scope={scope} />
}

/** The figures: the summary in words, the table, its footnote, the chart and the CSV download. */
function Figures({ answer, question, lang, scope }: { answer: MonitorAnswer; question: MonitorQuestion; lang: Language; scope: Set<string> | null }) {
  const { t, i18n } = useTranslation()
  const key = answer.indicator.key
  const min = answer.min_count
  const periodLabel = periodInWords(answer.period, t, i18n.language)
  const previousLabel = periodInWords(answer.previous_period, t, i18n.language)
  const area = answer.total.name
  const lines = [...answer.items, answer.total]
  const figures = lines.flatMap((l) => [l, l.previous])
  const hasSmall = figures.some((f) => f.suppressed && f.reason !== 'protects')
  const hasProtects = figures.some((f) => f.suppressed && f.reason === 'protects')
  const vars = { indicator: answer.indicator.name, period: periodLabel, previous: previousLabel }
  const chartRows: ChartRow[] = (answer.items.length > 0 ? answer.items : [answer.total]).map((line) => ({
    id: line.district_id,
    name: line.name,
    current: shownValue(line),
    previous: shownValue(line.previous),
    currentText: figureInWords(line, key, i18n.language, min, t),
    previousText: figureInWords(line.previous, key, i18n.language, min, t),
  }))
  /** A line's row; its name drills down into it (a worker's only where they may look). */
  const row = (line: MonitorLine, label: string, link: boolean) => (
    <TableRow key={line.district_id}>
      <TableHeaderCell scope="row" className="meedoen-monitor__name">
        {link && (scope === null || scope.has(line.district_id)) ? <AppLink to={monitorPath(line.district_id, key, question.period)}>{label}</AppLink> : label}
      </TableHeaderCell>
      <TableCell numericColumn>
        <FigureCell figure={line} indicator={key} min={min} />
      </TableCell>
      <TableCell numericColumn>
        <FigureCell figure={line.previous} indicator={key} min={min} />
      </TableCell>
      <TableCell numericColumn>
        <DifferenceCell line={line} indicator={key} />
      </TableCell>
    </TableRow>
  )

  return (
    <section aria-labelledby="monitor-answer" className="meedoen-monitor__answer">
      <Heading2 id="monitor-answer">{t('monitor.answer.heading', { indicator: answer.indicator.name, area, period: periodLabel })}</Heading2>
      <Paragraph className="meedoen-monitor__summary">{summarize(answer, t, i18n.language)}</Paragraph>
      <Table className="meedoen-monitor__table">
        <TableCaption className="meedoen-monitor__caption">{t('monitor.table.caption', vars)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('monitor.table.name')}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {periodLabel}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {previousLabel}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('monitor.table.difference')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        {answer.items.length > 0 ? (
          <>
            <TableBody>{answer.items.map((line) => row(line, line.name, true))}</TableBody>
            <TableFooter className="meedoen-monitor__total">{row(answer.total, t('monitor.table.total', { area }), false)}</TableFooter>
          </>
        ) : (
          <TableBody>{row(answer.total, area, false)}</TableBody>
        )}
      </Table>
      {(hasSmall || hasProtects) && (
        <div className="meedoen-monitor__footnote">
          {hasSmall && <Paragraph>{t('monitor.table.footnoteSmall', { min })}</Paragraph>}
          {hasProtects && <Paragraph>{t('monitor.table.footnoteProtects')}</Paragraph>}
        </div>
      )}
      {answer.items.length === 0 && <Paragraph>{t('monitor.answer.onlyTotal', { area })}</Paragraph>}
      <figure className="meedoen-monitor__figure">
        <figcaption>{t('monitor.chart.caption')}</figcaption>
        <ul className="meedoen-monitor__legend">
          <li>
            <span aria-hidden="true" className="meedoen-monitor__swatch meedoen-monitor__swatch--current" />
            {periodLabel}
          </li>
          <li>
            <span aria-hidden="true" className="meedoen-monitor__swatch meedoen-monitor__swatch--previous" />
            {previousLabel}
          </li>
        </ul>
        <div className="meedoen-monitor__chart">
          <MonitorChart
            rows={chartRows}
            indicator={key}
            title={t('monitor.chart.title', vars)}
            desc={t('monitor.chart.desc')}
            periodLabel={periodLabel}
            previousLabel={previousLabel}
          />
        </div>
      </figure>
      <CsvDownload question={question} lang={lang} />
    </section>
  )
}

/** A figure for the chart's tooltip, read out: the number, or the mark with what it means ("< 5 (minder dan 5 mensen)"). */
function figureInWords(figure: Figure, indicator: IndicatorKey, lang: string, min: number, t: TFunction): string {
  const text = figureText(figure, indicator, lang, min)
  if (shownValue(figure) !== null) return text
  return `${text} (${figure.reason === 'protects' ? t('monitor.table.protects') : t('monitor.table.small', { min })})`
}

/** A figure in the table: its number, or "< 5" / "×" with what it means for screen readers (the footnote says it too). */
function FigureCell({ figure, indicator, min }: { figure: Figure; indicator: IndicatorKey; min: number }) {
  const { t, i18n } = useTranslation()
  const text = figureText(figure, indicator, i18n.language, min)
  if (shownValue(figure) !== null) return text
  const protects = text === PROTECTS_MARK
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="meedoen-visually-hidden">{protects ? t('monitor.table.protects') : t('monitor.table.small', { min })}</span>
    </>
  )
}

/** The difference with the period before ("+3", "-1,5", "0"); a dash, read as "cannot be worked out", when one is hidden. */
function DifferenceCell({ line, indicator }: { line: MonitorLine; indicator: IndicatorKey }) {
  const { t, i18n } = useTranslation()
  const diff = difference(line, indicator)
  if (diff !== null) return formatNumber(diff, indicator, i18n.language, true)
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="meedoen-visually-hidden">{t('monitor.table.noDifference')}</span>
    </>
  )
}

/** The same answer as a CSV file, in the page's language, fetched with the access token and saved. */
function CsvDownload({ question, lang }: { question: MonitorQuestion; lang: Language }) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: () => monitorCsv(question, lang),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
  })
  return (
    <div className="meedoen-monitor__csv">
      <Paragraph>{t('monitor.csv.help')}</Paragraph>
      <Button appearance="secondary-action-button" busy={download.isPending} disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t('monitor.csv.busy') : t('monitor.csv.button')}
      </Button>
      {download.isError && <ErrorAlert scope="monitor" error={download.error} />}
    </div>
  )
}
