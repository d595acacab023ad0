import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { jsonResponse, renderWithProviders } from '../../test/render'
import OrganisationsPage from './OrganisationsPage'
import { adminRoutes } from '../../test/fixtures'
import { setTokens } from '../../api/session'
import { problem, stubApi } from '../../test/stubApi'

const pollepel = {
  id: 'o1',
  name: 'Buurtkeuken De Pollepel',
  kind: 'association',
  description: 'Samen koken en eten.',
  contact_email: 'info@pollepel.example',
  contact_phone: '0223 123456',
  website: null,
  status: 'pending',
  district_ids: ['d1'],
  rejection_reason: null,
}

// The admin pages are tried signed in (adminRoutes says with which roles).
beforeEach(() => setTokens({ access: 'a' }))

describe('OrganisationsPage', () => {
  it('lists pending organisations with district names and contact, and approves one', async () => {
    let verified = false
    const calls = stubApi(
      {
        'GET /api/v1/organisations': () => jsonResponse({ items: verified ? [] : [pollepel], next_cursor: null }),
        'POST /api/v1/organisations/o1/verify': () => {
          verified = true
          return jsonResponse({ ...pollepel, status: 'verified' })
        },
      },
      adminRoutes(),
    )
    renderWithProviders(<OrganisationsPage />, { path: '/admin/organisations' })
    const card = (await screen.findByRole('heading', { level: 3, name: 'Buurtkeuken De Pollepel' })).closest('li')!
    expect(calls.find((c) => c.path === '/api/v1/organisations')?.search).toBe('?status=pending')
    expect(await within(card).findByText('Emmerhout')).toBeInTheDocument()
    expect(within(card).getByText('Vereniging of stichting')).toBeInTheDocument()
    expect(within(card).getByRole('link', { name: 'info@pollepel.example' })).toHaveAttribute('href', 'mailto:info@pollepel.example')
    await userEvent.click(within(card).getByRole('button', { name: 'Goedkeuren Buurtkeuken De Pollepel' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Buurtkeuken De Pollepel is goedgekeurd. De eigenaren krijgen een e-mail.')
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/organisations/o1/verify')).toBe(true)
    expect(await screen.findByText('Er wachten nu geen organisaties op controle.')).toBeInTheDocument()
  })

  it('needs a reason to reject: the server’s field error stands next to it, then the reason is sent', async () => {
    let answer = problem(422, 'validation_failed', [{ field: 'reason', code: 'required' }])
    const calls = stubApi(
      {
        'GET /api/v1/organisations': () => jsonResponse({ items: [pollepel], next_cursor: null }),
        'POST /api/v1/organisations/o1/reject': () => answer,
      },
      adminRoutes(),
    )
    renderWithProviders(<OrganisationsPage />, { path: '/admin/organisations' })
    await userEvent.click(await screen.findByRole('button', { name: 'Afwijzen Buurtkeuken De Pollepel' }))
    const confirm = screen.getByRole('group', { name: 'Wil je Buurtkeuken De Pollepel afwijzen?' })
    expect(confirm).toHaveTextContent('De eigenaren krijgen een e-mail met je reden.')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Buurtkeuken De Pollepel afwijzen' }))
    expect(await within(confirm).findByText('Schrijf op waarom je deze organisatie afwijst.')).toBeInTheDocument()

    answer = jsonResponse({ ...pollepel, status: 'rejected', rejection_reason: 'Onbekend.' })
    await userEvent.type(within(confirm).getByLabelText('Waarom wijs je deze organisatie af?'), 'Onbekend.')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Buurtkeuken De Pollepel afwijzen' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Buurtkeuken De Pollepel is afgewezen.')
    expect(calls.filter((c) => c.path === '/api/v1/organisations/o1/reject').map((c) => c.body)).toEqual([{ reason: '' }, { reason: 'Onbekend.' }])
  })

  it('shows the rejected list with the reason, and loads more with the cursor', async () => {
    const calls = stubApi(
      {
        'GET /api/v1/organisations': (c) =>
          c.search.includes('cursor')
            ? jsonResponse({ items: [{ ...pollepel, id: 'o2', name: 'Tweede club', status: 'rejected', rejection_reason: 'Dubbel.' }], next_cursor: null })
            : jsonResponse({ items: [{ ...pollepel, status: 'rejected', rejection_reason: 'Niet in de gemeente.' }], next_cursor: 'c1' }),
      },
      adminRoutes(),
    )
    renderWithProviders(<OrganisationsPage />, { path: '/admin/organisations?status=rejected' })
    expect(await screen.findByText('Niet in de gemeente.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Afgewezen' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('button', { name: 'Goedkeuren Buurtkeuken De Pollepel' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Afwijzen/ })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Meer laden' }))
    expect(await screen.findByRole('heading', { level: 3, name: 'Tweede club' })).toBeInTheDocument()
    expect(calls.filter((c) => c.path === '/api/v1/organisations').map((c) => c.search)).toEqual(['?status=rejected', '?status=rejected&cursor=c1'])
  })
})
