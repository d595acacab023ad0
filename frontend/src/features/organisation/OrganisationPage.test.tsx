import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree, offer, session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import OrganisationPage from './OrganisationPage'
import { problem, stubApi, type Call } from '../../test/stubApi'

const org = (status: string) => ({
  id: 'o1',
  name: 'Sportclub',
  kind: 'sports_club',
  description: 'Een club.',
  contact_email: 'info@club.nl',
  status,
  district_ids: ['d1'],
})

function render() {
  return renderWithProviders(<OrganisationPage />, { path: '/organisation/o1', route: '/organisation/:id' })
}

describe('OrganisationPage', () => {
  it('shows outsiders the details without any controls', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/me': session({ organisations: [] }),
      'GET /api/v1/organisations/o1': org('verified'),
      'GET /api/v1/districts': { items: districtTree },
    })
    render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Sportclub' })).toBeInTheDocument()
    expect(await screen.findByText(/Je hoort niet bij deze organisatie/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Gegevens wijzigen' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Leden' })).toBeNull()
    expect(calls.some((c) => c.path.endsWith('/members') || c.path.endsWith('/offers'))).toBe(false)
  })

  it('explains a pending organisation, lists offers with status and shows the last-owner refusal', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Sportclub', role: 'owner', status: 'pending' }] }),
      'GET /api/v1/organisations/o1': org('pending'),
      'GET /api/v1/districts': { items: districtTree },
      'GET /api/v1/organisations/o1/offers': { items: [offer({ id: 'f1', title: 'Koffie', status: 'draft', free_places: 3, capacity: 5 })] },
      'GET /api/v1/organisations/o1/members': { items: [{ user_id: 'u1', display_name: 'Kees', email: 'kees@example.nl', role: 'owner' }] },
      'DELETE /api/v1/organisations/o1/members/u1': problem(409, 'last_owner'),
      'POST /api/v1/organisations/o1/members': (c: Call) =>
        (c.body as { email: string }).email === 'jan@example.nl'
          ? jsonResponse({ items: [{ user_id: 'u1', display_name: 'Kees', email: 'kees@example.nl', role: 'owner' }, { user_id: 'u2', display_name: 'Jan', email: 'jan@example.nl', role: 'member' }] }, 201)
          : problem(422, 'validation_failed', [{ field: 'email', code: 'no_account' }]),
    })
    render()
    expect(await screen.findByText(/Publiceren kan pas als de gemeente je organisatie heeft goedgekeurd/)).toBeInTheDocument()
    expect(await screen.findByText('Concept')).toBeInTheDocument()
    expect(screen.getByText('3 van 5 plekken vrij')).toBeInTheDocument()
    // A draft of a pending organisation cannot be published yet: no button.
    expect(screen.queryByRole('button', { name: 'Koffie publiceren' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Koffie wijzigen' })).toHaveAttribute('href', '/organisation/offers/f1/edit')

    await userEvent.click(await screen.findByRole('button', { name: 'Uit de organisatie gaan' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Een organisatie heeft altijd minstens één beheerder.')

    await userEvent.type(screen.getByLabelText('E-mailadres'), 'wie@example.nl')
    await userEvent.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    expect(await screen.findByText('Niemand heeft een Meedoen-account met dit e-mailadres.')).toBeInTheDocument()
    await userEvent.clear(screen.getByLabelText('E-mailadres'))
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'jan@example.nl')
    await userEvent.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    expect(await screen.findByText('jan@example.nl is toegevoegd.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Jan weghalen' })).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ email: 'jan@example.nl', role: 'member' })
  })
})
