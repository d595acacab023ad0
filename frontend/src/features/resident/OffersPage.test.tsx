import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { districtTree, offer } from '../../test/fixtures'
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
})
