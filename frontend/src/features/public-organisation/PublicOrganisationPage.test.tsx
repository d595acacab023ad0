import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { offer } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import PublicOrganisationPage from './PublicOrganisationPage'

const id = '01a21292-db00-7604-80d1-b89546b6c59a'
const route = { path: `/organisaties/${id}`, route: '/organisaties/:id' }

const organisation = {
  id,
  name: 'Sportvereniging Emmerhout',
  kind: 'sports_club',
  description: 'Een club voor iedereen.\nOok voor 60-plussers.',
  contact_email: 'info@sv-emmerhout.nl',
  contact_phone: '+31 591 123 456',
  website: 'https://sv-emmerhout.nl',
  district_ids: [],
  status: 'verified',
}

describe('PublicOrganisationPage', () => {
  it('shows the organisation with its contact details and its published offers, and loads more', async () => {
    const calls = stubApi({
      [`GET /api/v1/organisations/${id}`]: organisation,
      'GET /api/v1/offers': (call) =>
        new URLSearchParams(call.search).get('cursor') === 'page2'
          ? jsonResponse({ items: [offer({ id: 'o3', title: 'Fietsen op woensdag' })], next_cursor: null })
          : jsonResponse({ items: [offer(), offer({ id: 'o2', title: 'Koffie schenken', free_places: 1 })], next_cursor: 'page2' }),
    })
    renderWithProviders(<PublicOrganisationPage />, route)

    expect(await screen.findByRole('heading', { level: 1, name: 'Sportvereniging Emmerhout' })).toBeInTheDocument()
    expect(document.title).toBe('Sportvereniging Emmerhout · Meedoen')
    const about = screen.getByRole('region', { name: 'Over deze organisatie' })
    expect(within(about).getByText(/Een club voor iedereen/)).toBeInTheDocument()
    expect(within(about).getByText('Sportclub')).toBeInTheDocument()
    expect(within(about).getByRole('link', { name: 'info@sv-emmerhout.nl' })).toHaveAttribute('href', 'mailto:info@sv-emmerhout.nl')
    expect(within(about).getByRole('link', { name: '+31 591 123 456' })).toHaveAttribute('href', 'tel:+31591123456')
    expect(within(about).getByRole('link', { name: 'https://sv-emmerhout.nl' })).toHaveAttribute('href', 'https://sv-emmerhout.nl/')

    const offers = screen.getByRole('region', { name: 'Activiteiten van Sportvereniging Emmerhout' })
    expect(await within(offers).findByRole('link', { name: 'Walking football voor 60-plussers' })).toHaveAttribute('href', '/offers/01a21293-8713-72e5-a580-9c853e120158')
    expect(within(offers).getByText('1 plek vrij')).toBeInTheDocument()
    // Its own page: the cards name the district, not the organisation again.
    expect(within(offers).queryByText(/door Sportvereniging Emmerhout/)).not.toBeInTheDocument()
    expect(new URLSearchParams(calls.find((c) => c.path === '/api/v1/offers')?.search).get('organisation')).toBe(id)

    await userEvent.click(within(offers).getByRole('button', { name: 'Meer activiteiten laden' }))
    expect(await within(offers).findByRole('link', { name: 'Fietsen op woensdag' })).toBeInTheDocument()
    expect(within(offers).queryByRole('button', { name: 'Meer activiteiten laden' })).not.toBeInTheDocument()
    const last = new URLSearchParams(calls.filter((c) => c.path === '/api/v1/offers').at(-1)?.search)
    expect(last.get('organisation')).toBe(id)
    expect(last.get('cursor')).toBe('page2')
  })

  it('says so when the organisation has no offers, and leaves out contact details it does not have', async () => {
    stubApi({
      [`GET /api/v1/organisations/${id}`]: { ...organisation, contact_phone: null, website: null },
      'GET /api/v1/offers': { items: [], next_cursor: null },
    })
    renderWithProviders(<PublicOrganisationPage />, route)
    expect(await screen.findByText('Deze organisatie heeft nu geen activiteiten op Meedoen.')).toBeInTheDocument()
    expect(screen.queryByText('Telefoon')).not.toBeInTheDocument()
    expect(screen.queryByText('Website')).not.toBeInTheDocument()
  })

  it('says it cannot find an organisation that is not public', async () => {
    stubApi({})
    renderWithProviders(<PublicOrganisationPage />, route)
    expect(await screen.findByText('We kunnen deze organisatie niet vinden. Misschien staat ze (nog) niet op Meedoen.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument()
  })
})
