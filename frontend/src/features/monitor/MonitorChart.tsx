import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatNumber } from './summary'
import type { IndicatorKey } from './types'

/** One bar pair: a line of the table, its figures (null when hidden: no bar) and their texts ("< 5", "×"). */
export interface ChartRow {
  id: string
  name: string
  current: number | null
  previous: number | null
  currentText: string
  previousText: string
}

/** The height of one line's two bars, and of the axis below them. */
const ROW_HEIGHT = 56
const AXIS_HEIGHT = 40
/** The width the names get left of the bars (two lines at most; the table has them in full). */
const NAME_WIDTH = 96

/**
 * The figures of the table as a horizontal bar chart: per line this period (filled) and the period before
 * (outlined, so the two differ in more than colour). A hidden figure has no bar, never a bar of 0. Recharts'
 * accessibility layer makes the chart one tab stop whose arrow keys move along the lines, with the tooltip (both
 * figures in words, "< 5" and "×" too) read out as it changes; `title` and `desc` name it and say that the table
 * has the same numbers. It fills the width it gets, 320 px too.
 */
export function MonitorChart({
  rows,
  indicator,
  title,
  desc,
  periodLabel,
  previousLabel,
}: {
  rows: ChartRow[]
  indicator: IndicatorKey
  title: string
  desc: string
  periodLabel: string
  previousLabel: string
}) {
  const { i18n } = useTranslation()
  const height = rows.length * ROW_HEIGHT + AXIS_HEIGHT
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <BarChart data={rows} layout="vertical" accessibilityLayer title={title} desc={desc} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} barGap={2}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={indicator === 'hours'} tickFormatter={(value: number) => formatNumber(value, indicator, i18n.language)} />
        <YAxis type="category" dataKey="name" width={NAME_WIDTH} tick={{ width: NAME_WIDTH - 8, maxLines: 2 }} interval={0} />
        <Tooltip filterNull={false} isAnimationActive={false} content={(props) => <ChartTooltip {...props} rows={rows} periodLabel={periodLabel} previousLabel={previousLabel} />} />
        <Bar dataKey="current" name={periodLabel} className="meedoen-monitor__bar meedoen-monitor__bar--current" isAnimationActive={false} />
        <Bar dataKey="previous" name={previousLabel} className="meedoen-monitor__bar meedoen-monitor__bar--previous" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}

/** The tooltip of one line: its name and both figures as the table writes them (a status, so it is read out). */
function ChartTooltip({
  active,
  payload,
  rows,
  periodLabel,
  previousLabel,
}: TooltipContentProps & { rows: ChartRow[]; periodLabel: string; previousLabel: string }) {
  const row = rows.find((r) => r === payload[0]?.payload)
  return (
    <div className="meedoen-monitor__tooltip" role="status">
      {active && row && (
        <>
          <p className="meedoen-monitor__tooltip-name">{row.name}</p>
          <p>
            {periodLabel}: {row.currentText}
          </p>
          <p>
            {previousLabel}: {row.previousText}
          </p>
        </>
      )}
    </div>
  )
}
