import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree, offer, residentProfile } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi, type Call } from '../../test/stubApi'
import OffersPage from './OffersPage'

const params = (call: Call | undefined) => new URLSearchParams(call?.search)

/** The districts and two pages of offers (the second one under cursor `page2`). */
function stubOffers() {
  return stubApi({
    'GET /api/v1/districts': { items: districtTree },
    'GET /api/v1/offers': (call) =>
      params(call).get('cursor') === 'page2'
        ? jsonResponse({ items: [offer({ id: 'o3', title: 'Moestuin De Esch', kind: 'urban_farming', free_places: 0 })], next_cursor: null })
        : jsonResponse({
            items: [
              offer(),
              offer({ id: 'o2', title: 'Koffie schenken', kind: 'volunteer_work', organisation_name: 'Buurthuis', district_name: 'Angelslo', free_places: 1 }),
            ],
            next_cursor: 'page2',
          }),
  })
}

describe('OffersPage', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the offers with organisation, district, kind and free places, and loads more', async () => {
    const calls = stubOffers()
    renderWithProviders(<OffersPage />, { path: '/offers' })

    expect(await screen.findByRole('link', { name: 'Walking football voor 60-plussers' })).toHaveAttribute(
      'href',
      '/offers/01a21293-8713-72e5-a580-9c853e120158',
    )
    expect(screen.getByText('door Sportvereniging Emmerhout · in Emmerhout')).toBeInTheDocument()
    expect(screen.getByText('Dagbesteding', { selector: 'p' })).toBeInTheDocument()
    expect(screen.getByText('14 plekken vrij')).toBeInTheDocument()
    expect(screen.getByText('1 plek vrij')).toBeInTheDocument()
    expect(screen.getByText('Vrijwilligerswerk', { selector: 'p' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Meer laden' }))
    expect(await screen.findByRole('link', { name: 'Moestuin De Esch' })).toBeInTheDocument()
    expect(screen.getByText('Vol, je kunt op de wachtlijst')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument()
    expect(calls.some((c) => params(c).get('cursor') === 'page2')).toBe(true)
  })

  it('offers the district tree with indentation and sends the chosen filters', async () => {
    const calls = stubOffers()
    renderWithProviders(<OffersPage />, { path: '/offers' })

    const district = await screen.findByRole('combobox', { name: 'Wijk' })
    await waitFor(() => expect(screen.getByRole('option', { name: /Emmerhout/ })).toBeInTheDocument())
    expect(screen.getByRole('option', { name: /Emmerhout/ }).textContent).toBe('\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Emmerhout')

    await userEvent.selectOptions(district, 'a1')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Soort activiteit' }), 'course')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoekwoorden' }), 'tuin')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Alleen met vrije plekken' }))
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }))

    await waitFor(() => {
      const last = params(calls.filter((c) => c.path === '/api/v1/offers').at(-1))
      expect(last.get('district')).toBe('a1')
      expect(last.get('kind')).toBe('course')
      expect(last.get('q')).toBe('tuin')
      expect(last.get('available')).toBe('true')
    })
  })

  it('lets a resident with a home district see the nearest offers first', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/districts': { items: districtTree },
      'GET /api/v1/me/profile': residentProfile({ district_id: 'd1' }),
      'GET /api/v1/offers': { items: [offer()], next_cursor: null },
    })
    renderWithProviders(<OffersPage />, { path: '/offers' })
    const near = await screen.findByRole('checkbox', { name: 'Dichtbij mijn wijk eerst' })
    await userEvent.click(near)
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }))
    await waitFor(() => expect(params(calls.filter((c) => c.path === '/api/v1/offers').at(-1)).get('near')).toBe('d1'))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Dichtbij mijn wijk eerst' }))
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }))
    await waitFor(() => expect(params(calls.filter((c) => c.path === '/api/v1/offers').at(-1)).get('near')).toBeNull())
  })

  it('offers no nearest-first choice to visitors who are not signed in', async () => {
    stubOffers()
    renderWithProviders(<OffersPage />, { path: '/offers' })
    await screen.findByRole('link', { name: 'Walking football voor 60-plussers' })
    expect(screen.queryByRole('checkbox', { name: 'Dichtbij mijn wijk eerst' })).not.toBeInTheDocument()
  })

  it('shows on each card the kind, the day and time, the district and the free places', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-01-20T12:00:00Z'))
    stubApi({
      'GET /api/v1/districts': { items: districtTree },
      'GET /api/v1/offers': {
        items: [
          offer(),
          offer({
            id: 'o2',
            title: 'Tuinieren in de Esch',
            kind: 'urban_farming',
            district_name: 'Angelslo',
            free_places: 3,
            weekly_slots: [
              { weekday: 4, start: '13:00', end: '15:00' },
              { weekday: 1, start: '09:00', end: '12:00' },
              { weekday: 6, start: '10:00', end: '12:00' },
            ],
          }),
          offer({
            id: 'o3',
            title: 'Lessen in geluk',
            kind: 'course',
            weekly_slots: [],
            sessions: [
              { starts_at: '2027-01-12T18:00:00Z', ends_at: '2027-01-12T20:00:00Z' },
              { starts_at: '2027-02-02T18:00:00Z', ends_at: '2027-02-02T20:00:00Z' },
              { starts_at: '2027-01-26T18:00:00Z', ends_at: '2027-01-26T20:00:00Z' },
            ],
          }),
        ],
        next_cursor: null,
      },
    })
    renderWithProviders(<OffersPage />, { path: '/offers' })
    const card = async (title: string) => {
      const link = await screen.findByRole('link', { name: title })
      const li = link.closest('li')
      if (!li) throw new Error(`no card for ${title}`)
      return within(li)
    }

    const football = await card('Walking football voor 60-plussers')
    expect(football.getByText('Dagbesteding')).toBeInTheDocument()
    expect(football.getByText('Elke dinsdag van 10:00 tot 11:30 uur')).toBeInTheDocument()
    expect(football.getByText('door Sportvereniging Emmerhout · in Emmerhout')).toBeInTheDocument()
    expect(football.getByText('14 plekken vrij')).toBeInTheDocument()

    // Three weekly times: the first two in week order, the rest counted.
    const garden = await card('Tuinieren in de Esch')
    expect(garden.getByText('Stadslandbouw')).toBeInTheDocument()
    expect(garden.getByText('Elke maandag van 09:00 tot 12:00 uur')).toBeInTheDocument()
    expect(garden.getByText('Elke donderdag van 13:00 tot 15:00 uur')).toBeInTheDocument()
    expect(garden.queryByText(/zaterdag/)).not.toBeInTheDocument()
    expect(garden.getByText('En nog 1 andere tijd per week')).toBeInTheDocument()
    expect(garden.getByText(/in Angelslo$/)).toBeInTheDocument()
    expect(garden.getByText('3 plekken vrij')).toBeInTheDocument()

    // Dated sessions only: the next one that has not been yet.
    const course = await card('Lessen in geluk')
    expect(course.getByText('Cursus')).toBeInTheDocument()
    expect(course.getByText('De volgende keer: dinsdag 26 januari 2027, van 19:00 tot 21:00 uur')).toBeInTheDocument()
  })
})
