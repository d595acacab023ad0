import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import { clockAt } from '../../test/clock'
import { offer, residentProfile, workerRoutes } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import ResidentPage from '../worker/ResidentPage'

const jan = {
  id: 'u-jan',
  display_name: 'Jan Bewoner',
  profile: residentProfile({ availability: [], phone: '06 12345678' }),
}
const garden = offer({ id: 'o1', title: 'Meewerken in de moestuin', organisation_id: 'org1', organisation_name: 'Stadsboerderij De Esch' })
const course = offer({ id: 'o2', title: 'Cursus koken', kind: 'course', address: 'Wijkcentrum, Emmen', organisation_id: 'org1', organisation_name: 'Stadsboerderij De Esch' })
const item = (o: typeof garden, proposed = false) => ({ offer: o, score: 0.7, proposed, reasons: [] })

clockAt('2026-12-08T12:00:00Z')

describe('printing a resident’s offers (the worker’s resident page)', () => {
  it('prints the offers in the programme’s large-print layout, without the resident’s profile', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    setTokens({ access: 'a' })
    const calls = stubApi(
      {
        'GET /api/v1/worker/residents/u-jan': jan,
        'GET /api/v1/worker/residents/u-jan/recommendations': { profile_completed: true, items: [item(garden), item(course, true)] },
        'GET /api/v1/offers/o1/occurrences': {
          items: [
            { id: 'a', starts_at: '2026-12-15T09:00:00Z', ends_at: '2026-12-15T11:00:00Z', cancelled: false, reason: null },
            { id: 'b', starts_at: '2026-12-22T09:00:00Z', ends_at: '2026-12-22T11:00:00Z', cancelled: true, reason: 'Kerst' },
          ],
        },
        'GET /api/v1/offers/o2/occurrences': { items: [] },
        'GET /api/v1/organisations/org1': {
          id: 'org1',
          name: 'Stadsboerderij De Esch',
          kind: 'foundation',
          description: '',
          contact_email: 'info@de-esch.nl',
          contact_phone: '0591 654 321',
          website: null,
          status: 'verified',
          district_ids: [],
        },
      },
      workerRoutes(),
    )
    renderWithProviders(<ResidentPage />, { path: '/worker/residents/u-jan', route: '/worker/residents/:id' })

    await userEvent.click(await screen.findByRole('button', { name: 'Afdrukken' }))
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    expect(screen.getByText('Het afdrukken is gestart.')).toBeInTheDocument()
    expect(calls.find((c) => c.path === '/api/v1/offers/o1/occurrences')?.search).toBe('?from=2026-12-08&to=2027-01-04')

    const portal = document.querySelector<HTMLElement>('body > .meedoen-print-portal')
    expect(portal).not.toBeNull()
    const paper = within(portal!)
    expect(paper.getByRole('heading', { level: 2, name: 'Activiteiten voor Jan Bewoner' })).toBeInTheDocument()
    expect(paper.getByText('8 december 2026 t/m 4 januari 2027')).toBeInTheDocument()
    // In the worker's order; the one without a date says to call.
    expect(paper.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Meewerken in de moestuin', 'Cursus koken'])
    expect(paper.getByText('dinsdag 15 december, 10:00–12:00')).toBeInTheDocument()
    expect(paper.queryByText(/22 december/)).not.toBeInTheDocument()
    expect(paper.getByText('Er is geen vaste datum in deze weken. Bel of mail de organisatie.')).toBeInTheDocument()
    expect(paper.getByText('Wijkcentrum, Emmen')).toBeInTheDocument()
    expect(paper.getAllByRole('link', { name: '0591 654 321' })).toHaveLength(2)
    // Only the offers reach the paper, not what the worker sees of Jan.
    expect(paper.queryByText('06 12345678')).not.toBeInTheDocument()
    expect(paper.queryByText('Tuinieren')).not.toBeInTheDocument()
  })
})
