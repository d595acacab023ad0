import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import { clockAt } from '../../test/clock'
import { offer, session } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import OfferAttendancePage from './OfferAttendancePage'
import type { HeldOccurrence, OfferOverview, Occurrence } from './types'

// Thursday 10 December 2026, 13:00 in Emmen.
clockAt('2026-12-10T12:00:00Z')

const member = session({ organisations: [{ id: 'o1', name: 'Sportvereniging Emmerhout', role: 'owner', status: 'verified' }] })

function occurrence(day: string, extra: Partial<Occurrence> = {}): Occurrence {
  return { id: `f1_${day.replaceAll('-', '')}T090000Z`, starts_at: `${day}T09:00:00Z`, ends_at: `${day}T10:30:00Z`, cancelled: false, reason: null, ...extra }
}

function held(day: string, figures: Partial<HeldOccurrence>): HeldOccurrence {
  return { occurrence_id: `f1_${day.replaceAll('-', '')}T090000Z`, starts_at: `${day}T09:00:00Z`, expected: 6, present: 0, absent: 0, excused: 0, unrecorded: 0, hours: 0, ...figures }
}

const overview: OfferOverview = {
  offer_id: 'f1',
  from: '2026-09-11',
  to: '2026-12-10',
  occurrences_held: 2,
  expected: 12,
  present: 9,
  no_shows: 1,
  excused: 1,
  unrecorded: 1,
  hours: 13.5,
  occurrences: [held('2026-11-24', { present: 4, absent: 1, excused: 1, hours: 6 }), held('2026-12-08', { present: 5, unrecorded: 1, hours: 7.5 })],
}

function render(routes: Routes = {}) {
  setTokens({ access: 'a' })
  const calls = stubApi({
    'GET /api/v1/me': member,
    'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Walking football', organisation_id: 'o1' }),
    'GET /api/v1/offers/f1/occurrences': {
      items: [
        occurrence('2026-11-24'),
        occurrence('2026-12-01', { cancelled: true, reason: 'De zaal is dicht.' }),
        occurrence('2026-12-08'),
        occurrence('2026-12-15'),
        occurrence('2026-12-22'),
      ],
    },
    'GET /api/v1/offers/f1/participation': overview,
    ...routes,
  })
  renderWithProviders(<OfferAttendancePage />, { path: '/organisation/offers/f1/attendance', route: '/organisation/offers/:offerId/attendance' })
  return calls
}

describe('OfferAttendancePage', () => {
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('lists the next meeting and the last 8 weeks, newest first, each with its figures and a link to its register', async () => {
    const calls = render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Presentie: Walking football' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar de aanmeldingen' })).toHaveAttribute('href', '/organisation/offers/f1/signups')
    const recent = screen.getByRole('region', { name: 'De laatste 8 weken' })
    expect(within(recent).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Volgende keerdinsdag 15 december 2026, van 10:00 tot 11:30 uurPresentie invullen',
      'dinsdag 8 december 2026, van 10:00 tot 11:30 uur5 van de 6 aanwezig · 1 nog niet ingevuldPresentie invullen',
      'dinsdag 1 december 2026, van 10:00 tot 11:30 uurGaat niet door · De zaal is dicht.',
      'dinsdag 24 november 2026, van 10:00 tot 11:30 uur4 van de 6 aanwezigBekijk de presentie',
    ])
    expect(within(recent).getByRole('link', { name: 'Presentie invullen voor dinsdag 8 december 2026, van 10:00 tot 11:30 uur' })).toHaveAttribute(
      'href',
      '/organisation/occurrences/f1_20261208T090000Z/attendance',
    )
    // A register older than two weeks is locked: it can only be looked at.
    expect(within(recent).getByRole('link', { name: 'Bekijk de presentie van dinsdag 24 november 2026, van 10:00 tot 11:30 uur' })).toHaveAttribute(
      'href',
      '/organisation/occurrences/f1_20261124T090000Z/attendance',
    )
    expect(calls.find((c) => c.path === '/api/v1/offers/f1/occurrences')?.search).toBe('?from=2026-10-16&to=2027-01-15')
    expect(calls.find((c) => c.path === '/api/v1/offers/f1/participation')).toMatchObject({ search: '?from=2026-09-11&to=2026-12-10', authorization: 'Bearer a' })
  })

  it('shows the figures of the last 3 months in a table', async () => {
    render()
    const table = await screen.findByRole('table', { name: 'Van 11 september 2026 tot en met 10 december 2026' })
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Wat', 'Aantal'],
      ['Keren geweest', '2'],
      ['Verwacht', '12'],
      ['Aanwezig', '9'],
      ['Niet gekomen zonder afmelding', '1'],
      ['Afgemeld', '1'],
      ['Nog niet ingevuld', '1'],
      ['Uren samen', '13,5 uur'],
    ])
  })

  it('downloads the organisation’s attendance of the same 3 months as CSV, with the access token', async () => {
    const calls = render({
      'GET /api/v1/organisations/o1/attendance.csv': new Response('date,start,offer\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    })
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:meedoen/csv')
    const revokeObjectURL = vi.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    const section = (await screen.findByRole('heading', { level: 2, name: 'Presentie downloaden' })).closest('section') as HTMLElement
    expect(section).toHaveTextContent('alle activiteiten van Sportvereniging Emmerhout, van 11 september 2026 tot en met 10 december 2026')
    await userEvent.click(within(section).getByRole('button', { name: 'Download de presentie (CSV)' }))

    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:meedoen/csv', download: 'presentie-2026-09-11-2026-12-10.csv' }]))
    expect(calls.find((c) => c.path === '/api/v1/organisations/o1/attendance.csv')).toMatchObject({
      method: 'GET',
      search: '?from=2026-09-11&to=2026-12-10',
      authorization: 'Bearer a',
    })
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('date,start,offer')
  })

  it('tells someone outside the organisation that they cannot see the attendance (403)', async () => {
    render({ 'GET /api/v1/offers/f1/participation': problem(403, 'not_a_member') })
    expect(await screen.findByText(/Daarom kun je deze presentielijst niet zien\./)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
