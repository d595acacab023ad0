import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import type { Me } from '../../api/types'
import { i18n } from '../../i18n'
import { clockAt } from '../../test/clock'
import { session, WORKER_SESSION } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { problem, stubApi, type Call, type Routes } from '../../test/stubApi'
import MonitorPage from './MonitorPage'
import type { DistrictNode, Figure, Indicator, MonitorAnswer, MonitorLine } from './types'

// Friday 20 November 2026: the default period is November 2026.
clockAt('2026-11-20T12:00:00Z')

const MONITOR = session({ id: 'm1', email: 'monitor@demo.meedoen.nl', display_name: 'Raadslid', roles: ['monitor'] })
const ADMIN = session({ roles: ['resident', 'admin'] })

function district(id: string, parent: string, name: string, kind: DistrictNode['kind'], children: DistrictNode[] = []): DistrictNode {
  return { id, parent_id: parent || null, kind, name, code: null, retired: false, children }
}

const TREE: DistrictNode[] = [
  district('m1', '', 'Emmen', 'municipality', [
    district('a1', 'm1', 'Emmen Noord', 'area', [
      district('d1', 'a1', 'Angelslo', 'district'),
      district('d2', 'a1', 'Emmerhout', 'district'),
      district('d3', 'a1', 'Emmermeer', 'district'),
    ]),
    district('a2', 'm1', 'Emmen Zuid', 'area', [district('d4', 'a2', 'Bargeres', 'district')]),
  ]),
]

const INDICATORS: Indicator[] = [
  {
    key: 'active_residents',
    theme: 'participation',
    name: 'Actieve inwoners',
    definition: 'Inwoners die in de periode minstens één keer aanwezig waren bij een activiteit.',
    counts: 'residents',
  },
  { key: 'hours', theme: 'participation', name: 'Uren', definition: 'De uren dat inwoners in de periode aanwezig waren.', counts: 'amount' },
]

const shown = (value: number): Figure => ({ value, suppressed: false, reason: null })
const small: Figure = { value: null, suppressed: true, reason: 'small' }
const protects: Figure = { value: null, suppressed: true, reason: 'protects' }

function line(id: string, name: string, kind: MonitorLine['kind'], current: Figure, previous: Figure): MonitorLine {
  return { district_id: id, name, kind, ...current, previous }
}

/** The period before the ones the tests ask for. */
const PREVIOUS: Record<string, string> = { '2026-11': '2026-10', '2026-10': '2026-09', '2026-Q4': '2026-Q3', '2026-Q3': '2026-Q2' }

/** Emmen by its areas (`area=m1`), or Emmen Noord by its districts (`area=a1`), for the period (November 2026). */
function answerFor(area: string, indicator = INDICATORS[0]!, period = '2026-11'): MonitorAnswer {
  const base = { indicator, period, previous_period: PREVIOUS[period] ?? '2026-10', min_count: 5 }
  if (area === 'a1') {
    return {
      ...base,
      items: [
        line('d1', 'Angelslo', 'district', small, small),
        line('d2', 'Emmerhout', 'district', protects, shown(6)),
        line('d3', 'Emmermeer', 'district', shown(7), shown(5)),
      ],
      total: line('a1', 'Emmen Noord', 'area', shown(15), shown(12)),
    }
  }
  return {
    ...base,
    items: [line('a1', 'Emmen Noord', 'area', shown(15), shown(12)), line('a2', 'Emmen Zuid', 'area', shown(1234), shown(1240))],
    total: line('m1', 'Emmen', 'municipality', shown(1249), shown(1252)),
  }
}

/** The monitor's answers by the asked area (and indicator), and the public lists. */
function routes(me: Me, extra: Routes = {}): Routes {
  return {
    'GET /api/v1/me': me,
    'GET /api/v1/districts': { items: TREE },
    'GET /api/v1/monitor/indicators': { items: INDICATORS },
    'GET /api/v1/worker/districts': { items: [{ id: 'a1', name: 'Emmen Noord' }] },
    'GET /api/v1/monitor': (call: Call) => {
      const query = new URLSearchParams(call.search)
      const indicator = INDICATORS.find((i) => i.key === query.get('indicator')) ?? INDICATORS[0]!
      return new Response(JSON.stringify(answerFor(query.get('area') ?? '', indicator, query.get('period') ?? undefined)), { headers: { 'Content-Type': 'application/json' } })
    },
    ...extra,
  }
}

function render(me: Me = MONITOR, path = '/monitor', extra: Routes = {}) {
  setTokens({ access: 'a' })
  const calls = stubApi(routes(me, extra))
  const view = renderWithProviders(<MonitorPage />, { path, route: '/monitor/:areaId?' })
  return { calls, ...view }
}

const monitorCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/v1/monitor')

/** The table's rows, each as the texts of its cells (hidden explanations included). */
function rows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
}

describe('MonitorPage', () => {
  it('shows a monitor account the first municipality by its areas, with the total in the footer', async () => {
    const { calls } = render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Monitor: Emmen' })).toBeInTheDocument()
    expect(screen.getByText('Cijfers per gebied en wijk. Cijfers van minder dan 5 mensen laten we niet zien.')).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Actieve inwoners per gebied of wijk: november 2026 en oktober 2026' })
    expect(rows(table)).toEqual([
      ['Gebied of wijk', 'november 2026', 'oktober 2026', 'Verschil'],
      ['Emmen Noord', '15', '12', '+3'],
      ['Emmen Zuid', '1.234', '1.240', '-6'],
      ['Totaal Emmen', '1.249', '1.252', '-3'],
    ])
    expect(table.querySelector('tfoot')).toHaveTextContent('Totaal Emmen')
    expect(monitorCalls(calls)).toEqual([
      expect.objectContaining({ search: '?indicator=active_residents&area=m1&period=2026-11&lang=nl', authorization: 'Bearer a' }),
    ])
    expect(screen.getByText('In Emmen deden in november 2026 1.249 mensen mee, 3 minder dan in oktober 2026.')).toBeInTheDocument()
    // The municipality is the top: nothing to go up to.
    expect(screen.queryByRole('navigation', { name: 'Waar je bent' })).not.toBeInTheDocument()
  })

  it('shows hidden figures as "< 5" and "×", explains them under the table, and leaves the difference out', async () => {
    render(MONITOR, '/monitor/a1?indicator=active_residents&period=2026-11')
    const table = await screen.findByRole('table')
    expect(rows(table)).toEqual([
      ['Gebied of wijk', 'november 2026', 'oktober 2026', 'Verschil'],
      ['Angelslo', '< 5minder dan 5 mensen', '< 5minder dan 5 mensen', '–niet te berekenen'],
      ['Emmerhout', '×afgeschermd', '6', '–niet te berekenen'],
      ['Emmermeer', '7', '5', '+2'],
      ['Totaal Emmen Noord', '15', '12', '+3'],
    ])
    // The marks are what one sees; a screen reader hears what they mean.
    const angelslo = within(table).getByRole('row', { name: /Angelslo/ })
    expect(within(angelslo).getAllByText('< 5')[0]).toHaveAttribute('aria-hidden', 'true')
    expect(within(within(table).getByRole('row', { name: /Emmerhout/ })).getByText('×')).toHaveAttribute('aria-hidden', 'true')
    expect(screen.getByText('< 5: minder dan 5 mensen.')).toBeInTheDocument()
    expect(screen.getByText('×: afgeschermd, zodat een klein aantal niet terug te rekenen is.')).toBeInTheDocument()
    expect(screen.getByText('In Emmen Noord deden in november 2026 15 mensen mee, 3 meer dan in oktober 2026.')).toBeInTheDocument()
  })

  it('links each line down into its area, and the breadcrumb back up, keeping indicator and period', async () => {
    const { calls, router } = render(MONITOR, '/monitor/m1?indicator=active_residents&period=2026-10')
    const table = await screen.findByRole('table')
    expect(within(table).getByRole('link', { name: 'Emmen Zuid' })).toHaveAttribute('href', '/monitor/a2?indicator=active_residents&period=2026-10')
    // The total is no link: it is the page itself.
    expect(within(table).queryByRole('link', { name: /Totaal/ })).not.toBeInTheDocument()

    await userEvent.click(within(table).getByRole('link', { name: 'Emmen Noord' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Monitor: Emmen Noord' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/monitor/a1')
    expect(monitorCalls(calls).at(-1)?.search).toBe('?indicator=active_residents&area=a1&period=2026-10&lang=nl')
    const table2 = await screen.findByRole('table')
    expect(within(table2).getByRole('link', { name: 'Emmerhout' })).toHaveAttribute('href', '/monitor/d2?indicator=active_residents&period=2026-10')
    const crumbs = screen.getByRole('navigation', { name: 'Waar je bent' })
    expect(within(crumbs).getByRole('link', { name: 'Emmen' })).toHaveAttribute('href', '/monitor/m1?indicator=active_residents&period=2026-10')
    expect(within(crumbs).getByText('Emmen Noord')).toHaveAttribute('aria-current', 'page')
  })

  it('asks again for the indicator, period and area chosen, and shows the indicator’s definition', async () => {
    const { calls, router } = render()
    const form = await screen.findByRole('form', { name: 'Kies welke cijfers je wilt zien' })
    const indicator = within(form).getByLabelText('Cijfer')
    expect(indicator).toHaveAccessibleDescription('Inwoners die in de periode minstens één keer aanwezig waren bij een activiteit.')
    await userEvent.selectOptions(indicator, 'hours')
    expect(indicator).toHaveAccessibleDescription('De uren dat inwoners in de periode aanwezig waren.')
    const period = within(form).getByLabelText('Periode')
    expect(within(period).getByRole('option', { name: '4e kwartaal 2026' })).toBeInTheDocument()
    expect(within(period).getAllByRole('option')).toHaveLength(32)
    await userEvent.selectOptions(period, '2026-Q3')
    await userEvent.click(within(form).getByRole('button', { name: 'Toon de cijfers' }))

    await waitFor(() => expect(monitorCalls(calls).at(-1)?.search).toBe('?indicator=hours&area=m1&period=2026-Q3&lang=nl'))
    expect(router.state.location).toMatchObject({ pathname: '/monitor/m1', search: '?indicator=hours&period=2026-Q3' })
    expect(await screen.findByRole('heading', { level: 2, name: 'Uren in Emmen, 3e kwartaal 2026' })).toBeInTheDocument()
    // Hours with one decimal.
    expect(rows(screen.getByRole('table'))[1]).toEqual(['Emmen Noord', '15,0', '12,0', '+3,0'])
  })

  it('downloads the same answer as CSV in the page’s language, with the access token, under the server’s name', async () => {
    const { calls } = render(MONITOR, '/monitor', {
      'GET /api/v1/monitor': (call: Call) =>
        new URLSearchParams(call.search).get('format') === 'csv'
          ? new Response('indicator,name\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="monitor-active_residents-2026-11.csv"' } })
          : new Response(JSON.stringify(answerFor('m1')), { headers: { 'Content-Type': 'application/json' } }),
    })
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:meedoen/csv')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Download als CSV' }))

    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:meedoen/csv', download: 'monitor-active_residents-2026-11.csv' }]))
    expect(monitorCalls(calls).at(-1)).toMatchObject({
      search: '?indicator=active_residents&area=m1&period=2026-11&format=csv&lang=nl',
      authorization: 'Bearer a',
    })
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('indicator,name')
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('draws the chart next to the table, named, with no bar for a hidden figure', async () => {
    render(MONITOR, '/monitor/a1')
    const figure = (await screen.findByText(/Dezelfde cijfers als in de tabel, als staafdiagram\./)).closest('figure') as HTMLElement
    const chart = await waitFor(() => {
      const svg = figure.querySelector('svg.recharts-surface')
      expect(svg).not.toBeNull()
      return svg as SVGSVGElement
    })
    expect(chart).toHaveAccessibleName('Staafdiagram: Actieve inwoners per gebied of wijk, november 2026 en oktober 2026')
    expect(chart).toHaveAttribute('tabindex', '0')
    expect(chart).not.toHaveAttribute('aria-hidden')
    // Angelslo has no bars; Emmerhout only last month's; Emmermeer both: 3 bars, none of 0.
    await waitFor(() => expect(figure.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3))
    expect(within(figure).getByText('november 2026')).toBeInTheDocument()
  })

  it('shows English names and numbers when the page is in English', async () => {
    await i18n.changeLanguage('en')
    const { calls } = render(MONITOR, '/monitor/m1')
    const table = await screen.findByRole('table', { name: 'Actieve inwoners per area or district: November 2026 and October 2026' })
    expect(rows(table)[2]).toEqual(['Emmen Zuid', '1,234', '1,240', '-6'])
    expect(monitorCalls(calls)[0]?.search).toContain('&lang=en')
    expect(calls.find((c) => c.path === '/api/v1/monitor/indicators')?.search).toBe('?lang=en')
  })
})

describe('MonitorPage for a worker', () => {
  it('starts at the worker’s first district and offers only their part of the tree', async () => {
    const { calls } = render(WORKER_SESSION)
    expect(await screen.findByRole('heading', { level: 1, name: 'Monitor: Emmen Noord' })).toBeInTheDocument()
    await waitFor(() => expect(monitorCalls(calls)[0]?.search).toBe('?indicator=active_residents&area=a1&period=2026-11&lang=nl'))
    const area = await screen.findByLabelText('Gebied of wijk')
    expect(within(area).getAllByRole('option').map((o) => o.textContent?.trim())).toEqual(['Emmen Noord', 'Angelslo', 'Emmerhout', 'Emmermeer'])
    // The municipality above is not theirs: named, but no link.
    const crumbs = screen.getByRole('navigation', { name: 'Waar je bent' })
    expect(within(crumbs).getByText('Emmen')).toBeInTheDocument()
    expect(within(crumbs).queryByRole('link')).not.toBeInTheDocument()
  })

  it('says so when the worker asks for an area outside their districts (403), with the way back', async () => {
    render(WORKER_SESSION, '/monitor/m1?indicator=hours&period=2026-10', { 'GET /api/v1/monitor': problem(403, 'district_not_assigned') })
    expect(await screen.findByRole('alert')).toHaveTextContent('Je kunt alleen de cijfers van je eigen wijken zien. Dit gebied hoort daar niet bij.')
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Naar de cijfers van je eigen wijken' })).toHaveAttribute('href', '/monitor?indicator=hours&period=2026-10')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('tells a worker without districts to ask the municipality', async () => {
    const { calls } = render(WORKER_SESSION, '/monitor', { 'GET /api/v1/worker/districts': { items: [] } })
    expect(await screen.findByText('Je hebt nog geen wijken. Vraag de gemeente om je account aan je wijken te koppelen.')).toBeInTheDocument()
    expect(monitorCalls(calls)).toEqual([])
  })
})

describe('MonitorPage errors', () => {
  beforeEach(() => setTokens({ access: 'a' }))
  afterEach(() => vi.restoreAllMocks())

  it('names what is wrong in a link the server cannot read (422), and retries anything else', async () => {
    const { unmount } = render(MONITOR, '/monitor/m1?period=2026-Q4', {
      'GET /api/v1/monitor': problem(422, 'validation_failed', [{ field: 'period', code: 'out_of_range' }]),
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies een periode die al begonnen is. Een periode is hoogstens 24 maanden lang.')
    unmount()

    let fail = true
    render(MONITOR, '/monitor/m1', {
      'GET /api/v1/monitor': () =>
        fail ? problem(503, 'service_unavailable') : new Response(JSON.stringify(answerFor('m1')), { headers: { 'Content-Type': 'application/json' } }),
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('Meedoen is even druk.')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }))
    expect(await screen.findByRole('table')).toBeInTheDocument()
  })
})

describe('the monitor’s gate', () => {
  it.each([
    ['a monitor account', MONITOR],
    ['an admin', ADMIN],
    ['a worker', WORKER_SESSION],
  ])('lets %s in', async (_, me) => {
    render(me)
    expect(await screen.findByRole('form', { name: 'Kies welke cijfers je wilt zien' })).toBeInTheDocument()
  })

  it('keeps a resident out, and asks a visitor to sign in', async () => {
    const { calls, unmount } = render(session())
    expect(await screen.findByText('De monitor is voor de gemeente en voor wijkwerkers. Jouw account kan hier niet bij.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Monitor' })).toBeInTheDocument()
    expect(monitorCalls(calls)).toEqual([])
    unmount()

    stubApi({})
    setTokens(null)
    renderWithProviders(<MonitorPage />, { path: '/monitor/a1', route: '/monitor/:areaId?' })
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=%2Fmonitor%2Fa1')
  })
})
