import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { site } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { renderApp } from '../../test/renderApp'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import type { VerifiedStatement } from './types'
import VerifyStatementPage from './VerifyStatementPage'

const CODE = '7K4PQ-2XWM9'

const VERIFIED: VerifiedStatement = {
  code: CODE,
  resident_name: 'Jan Bewoner',
  from: '2026-10-01',
  to: '2026-12-10',
  issued_at: '2026-12-10T12:00:00Z',
  sessions_present: 9,
  hours: 19.5,
  items: [
    { organisation_name: 'Stadsboerderij De Esch', offer_title: 'Pluktuin Bargeres: samen zaaien en oogsten', kind: 'urban_farming', sessions_present: 7, hours: 17.5 },
    { organisation_name: 'Sportvereniging Emmerhout', offer_title: 'Walking football', kind: 'day_activity', sessions_present: 2, hours: 2 },
  ],
}

function render(path: string, routes: Routes = { [`GET /api/v1/statements/${CODE}`]: VERIFIED }) {
  const calls = stubApi(routes)
  renderWithProviders(<VerifyStatementPage />, { path, route: '/verklaring/:code?' })
  return calls
}

/** The cells of a table, row by row, as text. */
function cells(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
}

describe('VerifyStatementPage', () => {
  it('shows a statement that checks out, without signing in: who, which period, when, and the figures of the PDF', async () => {
    const calls = render(`/verklaring/${CODE}`)
    expect(screen.getByRole('heading', { level: 1, name: 'Verklaring controleren' })).toBeInTheDocument()
    const status = (await screen.findByText('De code 7K4PQ-2XWM9 klopt. De verklaring is echt.')).closest('[role="status"]')
    expect(status).toHaveTextContent('Vergelijk het met de PDF die je hebt gekregen.')

    const details = screen.getByRole('region', { name: 'Wat er op de verklaring staat' })
    expect([...details.querySelectorAll('dl > div')].map((row) => row.textContent)).toEqual([
      'NaamJan Bewoner',
      'Periode1 oktober 2026 tot en met 10 december 2026',
      'Gemaakt op10 december 2026',
      'Code7K4PQ-2XWM9',
    ])
    expect(cells(within(details).getByRole('table', { name: 'Activiteiten van Jan Bewoner' }))).toEqual([
      ['Activiteit', 'Keren aanwezig', 'Uren'],
      ['Pluktuin Bargeres: samen zaaien en oogstenOrganisatie: Stadsboerderij De EschSoort: Stadslandbouw', '7', '17,5 uur'],
      ['Walking footballOrganisatie: Sportvereniging EmmerhoutSoort: Dagbesteding', '2', '2 uur'],
      ['Totaal', '9', '19,5 uur'],
    ])
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', path: `/api/v1/statements/${CODE}`, authorization: '' })])
  })

  it('says clearly when a code is unknown or revoked, and keeps the code in the form to correct it', async () => {
    render(`/verklaring/${CODE}`, { [`GET /api/v1/statements/${CODE}`]: problem(404, 'not_found') })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Deze code klopt niet of is ingetrokken.')
    expect(alert).toHaveTextContent('Vraag dan om een nieuwe verklaring.')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Een andere code controleren' })).toBeInTheDocument()
    expect(screen.getByLabelText('Code van de verklaring')).toHaveValue(CODE)
  })

  it('does not ask the server about something that is no code', async () => {
    const calls = render('/verklaring/abc')
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze code klopt niet of is ingetrokken.')
    expect(calls).toEqual([])
  })

  it('reads a code in the address in any case, without the dash', async () => {
    const calls = render('/verklaring/7k4pq2xwm9')
    expect(await screen.findByText('De code 7K4PQ-2XWM9 klopt. De verklaring is echt.')).toBeInTheDocument()
    expect(calls.map((c) => c.path)).toEqual([`/api/v1/statements/${CODE}`])
  })

  it('opens a code typed in lower case, with spaces, at its address as printed on the PDF (the whole app, signed out)', async () => {
    const calls = stubApi({ 'GET /api/v1/site': site(), [`GET /api/v1/statements/${CODE}`]: VERIFIED })
    const { router } = renderApp('/verklaring')
    expect(await screen.findByRole('heading', { level: 1, name: 'Verklaring controleren' })).toBeInTheDocument()
    expect(screen.getByText(/^Heb je een verklaring van Meedoen gekregen\?/)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Code van de verklaring'), ' 7k4pq 2xwm9 ')
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/verklaring/${CODE}`))
    expect(await screen.findByRole('table', { name: 'Activiteiten van Jan Bewoner' })).toBeInTheDocument()
    expect(calls.filter((c) => c.path.startsWith('/api/v1/statements'))).toEqual([
      expect.objectContaining({ path: `/api/v1/statements/${CODE}`, authorization: '' }),
    ])
  })

  it('checks the form of a typed code before opening it', async () => {
    const calls = render('/verklaring')
    const field = screen.getByLabelText('Code van de verklaring')
    expect(field).toHaveAccessibleDescription('Bijvoorbeeld 7K4PQ-2XWM9. Hoofdletters of kleine letters maakt niet uit.')
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }))
    expect(field).toHaveFocus()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/^Vul de code in\./)

    await userEvent.type(field, '7K4PQ-2XWM')
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }))
    expect(field).toHaveAccessibleDescription(/^Dit is geen code van een verklaring\. Een code heeft 10 letters en cijfers/)
    expect(calls).toEqual([])
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    render(`/verklaring/${CODE}`)
    expect(screen.getByRole('heading', { level: 1, name: 'Check a statement' })).toBeInTheDocument()
    expect(await screen.findByText('The code 7K4PQ-2XWM9 is right. The statement is genuine.')).toBeInTheDocument()
    expect(cells(screen.getByRole('table', { name: 'Activities of Jan Bewoner' }))).toEqual([
      ['Activity', 'Times present', 'Hours'],
      ['Pluktuin Bargeres: samen zaaien en oogstenOrganisation: Stadsboerderij De EschKind: Urban farming', '7', '17.5 hours'],
      ['Walking footballOrganisation: Sportvereniging EmmerhoutKind: Day activity', '2', '2 hours'],
      ['Total', '9', '19.5 hours'],
    ])
  })

  it('says in English when a code does not check out', async () => {
    await i18n.changeLanguage('en')
    render(`/verklaring/${CODE}`, { [`GET /api/v1/statements/${CODE}`]: problem(404, 'not_found') })
    expect(await screen.findByRole('alert')).toHaveTextContent('This code is not right or has been revoked.')
  })
})
