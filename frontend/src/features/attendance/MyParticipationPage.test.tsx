import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { clockAt } from '../../test/clock'
import { session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import MyParticipationPage from './MyParticipationPage'
import type { Participation } from './types'

// Thursday 10 December 2026, 13:00 in Emmen.
clockAt('2026-12-10T12:00:00Z')

const record = (id: string, title: string, startsAt: string, status: 'present' | 'absent' | 'excused', hours = 0) => ({
  occurrence_id: id,
  offer_id: title === 'Moestuin' ? 'f2' : 'f1',
  offer_title: title,
  starts_at: startsAt,
  status,
  hours,
})

function participation(from: string, to: string, overrides: Partial<Participation> = {}): Participation {
  return {
    from,
    to,
    sessions_present: 5,
    hours: 7.5,
    items: [
      { offer_id: 'f1', offer_title: 'Walking football', kind: 'day_activity', organisation_id: 'o1', organisation_name: 'Sportvereniging Emmerhout', sessions_present: 3, hours: 4.5 },
      { offer_id: 'f2', offer_title: 'Moestuin', kind: 'urban_farming', organisation_id: 'o2', organisation_name: 'Stadsboerderij De Esch', sessions_present: 2, hours: 3 },
    ],
    months: [
      { month: '2026-11', sessions_present: 3, hours: 4.5 },
      { month: '2026-12', sessions_present: 2, hours: 3 },
    ],
    // Newest first; the one on 15 December the resident reported beforehand.
    records: [
      record('r5', 'Walking football', '2026-12-15T09:00:00Z', 'excused'),
      record('r4', 'Walking football', '2026-12-08T09:00:00Z', 'present', 1.5),
      record('r3', 'Moestuin', '2026-12-02T13:00:00Z', 'absent'),
      record('r2', 'Walking football', '2026-12-01T09:00:00Z', 'excused'),
      record('r1', 'Moestuin', '2026-11-25T13:00:00Z', 'present', 1),
    ],
    ...overrides,
  }
}

function render(path = '/my-participation', answer = participation) {
  setTokens({ access: 'a' })
  const calls = stubApi({
    'GET /api/v1/me': session(),
    'GET /api/v1/me/participation': (call) => {
      const query = new URLSearchParams(call.search)
      return jsonResponse(answer(query.get('from') ?? '', query.get('to') ?? ''))
    },
    'GET /api/v1/me/statements': { items: [] },
  })
  renderWithProviders(<MyParticipationPage />, { path, route: '/my-participation' })
  return calls
}

/** The cells of a table, row by row, as text. */
function cells(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
}

describe('MyParticipationPage', () => {
  it('shows the last 3 months by default: the totals, per activity and per month', async () => {
    const calls = render()
    expect(screen.getByRole('heading', { level: 1, name: 'Mijn deelname' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'De laatste 3 maanden' })).toBeChecked()
    expect(screen.getByText('Van 1 oktober 2026 tot en met 31 december 2026.')).toBeInTheDocument()

    const totals = (await screen.findByRole('heading', { level: 2, name: 'Samen' })).closest('section') as HTMLElement
    expect(within(totals).getByText('Keren aanwezig').nextElementSibling).toHaveTextContent('5')
    expect(within(totals).getByText('Uren').nextElementSibling).toHaveTextContent('7,5 uur')

    expect(cells(screen.getByRole('table', { name: 'Per activiteit' }))).toEqual([
      ['Activiteit', 'Keren aanwezig', 'Uren'],
      ['Walking footballSportvereniging Emmerhout', '3', '4,5 uur'],
      ['MoestuinStadsboerderij De Esch', '2', '3 uur'],
    ])
    expect(cells(screen.getByRole('table', { name: 'Per maand' }))).toEqual([
      ['Maand', 'Keren aanwezig', 'Uren'],
      ['november 2026', '3', '4,5 uur'],
      ['december 2026', '2', '3 uur'],
    ])
    expect(calls.find((c) => c.path === '/api/v1/me/participation')).toMatchObject({ search: '?from=2026-10-01&to=2026-12-31', authorization: 'Bearer a' })
    expect(screen.getByRole('link', { name: 'Terug naar mijn activiteiten' })).toHaveAttribute('href', '/my-activities')
  })

  it('lists every meeting, newest first, with what was recorded in words', async () => {
    render()
    const records = (await screen.findByRole('heading', { level: 2, name: 'Alle keren' })).closest('section') as HTMLElement
    expect(within(records).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'dinsdag 15 december 2026 om 10:00Walking footballJe hebt je afgemeld',
      'dinsdag 8 december 2026 om 10:00Walking footballJe was er (1,5 uur)',
      'woensdag 2 december 2026 om 14:00MoestuinJe was er niet',
      'dinsdag 1 december 2026 om 10:00Walking footballJe had je afgemeld',
      'woensdag 25 november 2026 om 14:00MoestuinJe was er (1 uur)',
    ])
  })

  it('asks for another period when one is chosen, and keeps it in the URL', async () => {
    const calls = render()
    await screen.findByRole('table', { name: 'Per maand' })
    await userEvent.click(screen.getByRole('radio', { name: 'Deze maand' }))
    await waitFor(() => expect(calls.at(-1)?.search).toBe('?from=2026-12-01&to=2026-12-31'))
    expect(screen.getByText('Van 1 december 2026 tot en met 31 december 2026.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: 'Dit jaar' }))
    await waitFor(() => expect(calls.at(-1)?.search).toBe('?from=2026-01-01&to=2026-12-31'))
  })

  it('starts with the period of the URL', async () => {
    const calls = render('/my-participation?period=year')
    expect(screen.getByRole('radio', { name: 'Dit jaar' })).toBeChecked()
    await waitFor(() => expect(calls.at(-1)?.search).toBe('?from=2026-01-01&to=2026-12-31'))
  })

  it('says when nothing has been filled in yet', async () => {
    render('/my-participation', (from, to) => participation(from, to, { sessions_present: 0, hours: 0, items: [], months: [], records: [] }))
    expect(await screen.findByText('In deze periode is er nog niets ingevuld.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    render()
    expect(screen.getByRole('heading', { level: 1, name: 'My participation' })).toBeInTheDocument()
    const totals = (await screen.findByRole('heading', { level: 2, name: 'In total' })).closest('section') as HTMLElement
    expect(within(totals).getByText('Hours').nextElementSibling).toHaveTextContent('7.5 hours')
    expect(screen.getByText('Tuesday 8 December 2026 at 10:00')).toBeInTheDocument()
    expect(screen.getByText('You were there (1.5 hours)')).toBeInTheDocument()
  })

  it('asks to sign in first', () => {
    stubApi({})
    renderWithProviders(<MyParticipationPage />, { path: '/my-participation', route: '/my-participation' })
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=/my-participation')
  })
})
