import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree, session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import OrganisationsPage from './OrganisationsPage'
import { problem, stubApi } from '../../test/stubApi'

const created = {
  id: 'o9',
  name: 'Buurtkeuken',
  kind: 'association',
  description: '',
  contact_email: 'kees@example.nl',
  status: 'pending',
  district_ids: ['d1'],
}

describe('OrganisationsPage', () => {
  it('asks signed-out visitors to sign in', () => {
    renderWithProviders(<OrganisationsPage />)
    expect(screen.getByText('Log in om je organisatie te zien.')).toBeInTheDocument()
  })

  it('shows the organisations with their status in words and the reason of a rejection', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session({ organisations: [
        { id: 'o1', name: 'Sportclub', role: 'owner', status: 'verified' },
        { id: 'o2', name: 'Koor', role: 'member', status: 'rejected' },
      ] }),
      'GET /api/v1/organisations/o2': { ...created, id: 'o2', name: 'Koor', status: 'rejected', rejection_reason: 'We konden de club niet vinden.' },
      'GET /api/v1/districts': { items: districtTree },
    })
    renderWithProviders(<OrganisationsPage />)
    const club = (await screen.findByRole('link', { name: 'Sportclub' })).closest('li') as HTMLElement
    expect(within(club).getByText('Goedgekeurd')).toBeInTheDocument()
    expect(within(club).getByText('Beheerder')).toBeInTheDocument()
    expect(await screen.findByText('We konden de club niet vinden.')).toBeInTheDocument()
    expect(screen.getByText('Niet goedgekeurd')).toBeInTheDocument()
  })

  it('shows the server field errors next to the fields, then registers and says it is checked', async () => {
    setTokens({ access: 'a' })
    let attempt = 0
    const calls = stubApi({
      'GET /api/v1/me': session({ organisations: [] }),
      'GET /api/v1/districts': { items: districtTree },
      'POST /api/v1/organisations': () =>
        ++attempt === 1 ? problem(422, 'validation_failed', [{ field: 'name', code: 'required' }, { field: 'website', code: 'invalid' }]) : jsonResponse(created, 201),
    })
    renderWithProviders(<OrganisationsPage />)
    expect(await screen.findByText('Je hoort nog niet bij een organisatie.')).toBeInTheDocument()

    // Without a kind the form says so itself and sends nothing.
    await userEvent.click(await screen.findByRole('button', { name: 'Organisatie aanmelden' }))
    expect(await screen.findByText('Vul dit in.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await userEvent.selectOptions(screen.getByLabelText('Soort organisatie'), 'association')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Emmerhout' }))
    await userEvent.type(screen.getByLabelText('Website (mag leeg blijven)'), 'nope')
    await userEvent.click(screen.getByRole('button', { name: 'Organisatie aanmelden' }))
    const name = await screen.findByLabelText('Naam van de organisatie')
    expect(await screen.findByText('Vul dit in.')).toBeInTheDocument()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Website (mag leeg blijven)')).toHaveAccessibleDescription(/Dit klopt niet/)

    await userEvent.type(name, 'Buurtkeuken')
    await userEvent.clear(screen.getByLabelText('Website (mag leeg blijven)'))
    await userEvent.click(screen.getByRole('button', { name: 'Organisatie aanmelden' }))
    expect(await screen.findByRole('status')).toHaveTextContent('We hebben Buurtkeuken ontvangen. De gemeente controleert je organisatie.')
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts[1]?.body).toEqual({
      name: 'Buurtkeuken',
      kind: 'association',
      description: null,
      district_ids: ['d1'],
      contact_email: 'kees@example.nl',
      contact_phone: null,
      website: null,
    })
  })

  it('lists every wrong field in an error summary that takes the focus and links to the fields', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session({ organisations: [] }),
      'GET /api/v1/districts': { items: districtTree },
      'POST /api/v1/organisations': problem(422, 'validation_failed', [
        { field: 'name', code: 'required' },
        { field: 'district_ids', code: 'required' },
      ]),
    })
    renderWithProviders(<OrganisationsPage />)
    // The form's own check (a kind) has a summary too.
    await userEvent.click(await screen.findByRole('button', { name: 'Organisatie aanmelden' }))
    const own = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(own).toHaveFocus())
    expect(within(own).getByRole('link', { name: 'Soort organisatie: Vul dit in.' })).toHaveAttribute('href', '#org-kind')

    await userEvent.selectOptions(screen.getByLabelText('Soort organisatie'), 'association')
    await userEvent.click(screen.getByRole('button', { name: 'Organisatie aanmelden' }))
    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual(['Naam van de organisatie: Vul dit in.', 'Waar zijn jullie actief?: Kies minstens één wijk.'])
    await userEvent.click(within(summary).getByRole('link', { name: 'Naam van de organisatie: Vul dit in.' }))
    expect(screen.getByLabelText('Naam van de organisatie')).toHaveFocus()
    // A group's link goes to its first checkbox.
    await userEvent.click(within(summary).getByRole('link', { name: /^Waar zijn jullie actief\?/ }))
    expect(screen.getAllByRole('checkbox')[0]).toHaveFocus()
  })
})
