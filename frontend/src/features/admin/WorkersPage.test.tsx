import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { jsonResponse, renderWithProviders } from '../../test/render'
import WorkersPage from './WorkersPage'
import { adminRoutes } from '../../test/fixtures'
import { setTokens } from '../../api/session'
import { problem, stubApi } from '../../test/stubApi'

const fatma = { user_id: 'w1', display_name: 'Fatma (wijkwerker)', email: 'wijkwerker@demo.meedoen.nl', district_ids: ['a1'] }

function card(name: string) {
  return screen.getByRole('heading', { level: 3, name }).closest('li')!
}

// The admin pages are tried signed in (adminRoutes says with which roles).
beforeEach(() => setTokens({ access: 'a' }))

describe('WorkersPage', () => {
  it('lists the workers with their district names and saves changed districts', async () => {
    const calls = stubApi(
      {
        'GET /api/v1/workers': () => jsonResponse({ items: [fatma] }),
        'PUT /api/v1/workers/w1/districts': () => jsonResponse({ ...fatma, district_ids: ['a1', 'd1'] }),
      },
      adminRoutes(),
    )
    renderWithProviders(<WorkersPage />)
    await screen.findByRole('heading', { level: 3, name: 'Fatma (wijkwerker)' })
    const fatmaCard = card('Fatma (wijkwerker)')
    expect(fatmaCard).toHaveTextContent('Werkt in: Emmen Noord')
    await userEvent.click(within(fatmaCard).getByRole('button', { name: 'Wijken aanpassen voor Fatma (wijkwerker)' }))
    const boxes = within(fatmaCard).getByRole('group', { name: 'Gebieden en wijken van Fatma (wijkwerker)' })
    expect(within(boxes).getByLabelText('Emmen Noord (heel het gebied)')).toBeChecked()
    // Retired districts are left out when they are not chosen.
    expect(within(boxes).queryByLabelText(/Oud Emmen/)).not.toBeInTheDocument()
    await userEvent.click(within(boxes).getByLabelText('Emmerhout'))
    await userEvent.click(within(fatmaCard).getByRole('button', { name: 'Opslaan' }))
    expect(await within(fatmaCard).findByRole('status')).toHaveTextContent('De wijken van Fatma (wijkwerker) zijn opgeslagen.')
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ district_ids: ['a1', 'd1'] })
  })

  it('takes the worker role away after a confirmation', async () => {
    let removed = false
    const calls = stubApi(
      {
        'GET /api/v1/workers': () => jsonResponse({ items: removed ? [] : [fatma] }),
        'DELETE /api/v1/workers/w1': () => {
          removed = true
          return new Response(null, { status: 204 })
        },
      },
      adminRoutes(),
    )
    renderWithProviders(<WorkersPage />)
    await screen.findByRole('heading', { level: 3, name: 'Fatma (wijkwerker)' })
    await userEvent.click(screen.getByRole('button', { name: 'Rol wijkwerker afnemen van Fatma (wijkwerker)' }))
    const confirm = screen.getByRole('group', { name: 'Wil je Fatma (wijkwerker) de rol wijkwerker afnemen?' })
    expect(confirm).toHaveFocus()
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, rol afnemen' }))
    expect(await screen.findByText('Fatma (wijkwerker) is geen wijkwerker meer.')).toBeInTheDocument()
    expect(await screen.findByText('Er zijn nog geen wijkwerkers.')).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/workers/w1')).toBe(true)
  })

  it.each([
    ['a 422 no_account on email', () => problem(422, 'validation_failed', [{ field: 'email', code: 'no_account' }])],
  ])('shows %s next to the email field', async (_, answer) => {
    const calls = stubApi({ 'GET /api/v1/workers': () => jsonResponse({ items: [] }), 'POST /api/v1/workers': answer }, adminRoutes())
    renderWithProviders(<WorkersPage />)
    const form = await screen.findByRole('form', { name: 'Iemand wijkwerker maken' })
    await userEvent.type(within(form).getByLabelText('E-mailadres van het account'), ' niemand@example.org ')
    await userEvent.click(within(form).getByLabelText('Emmerhout'))
    await userEvent.click(within(form).getByRole('button', { name: 'Wijkwerker maken' }))
    expect(await within(form).findByText('Niemand heeft een Meedoen-account met dit e-mailadres. Vraag de persoon eerst een account te maken.')).toBeInTheDocument()
    expect(within(form).getByLabelText('E-mailadres van het account')).toHaveAttribute('aria-invalid', 'true')
    expect(within(form).queryByRole('alert', { name: /Er ging iets mis/ })).not.toBeInTheDocument()
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'niemand@example.org', district_ids: ['d1'] })
  })

  it('makes someone a worker', async () => {
    let made = false
    stubApi(
      {
        'GET /api/v1/workers': () => jsonResponse({ items: made ? [{ ...fatma, user_id: 'w2', display_name: 'Sanne', district_ids: ['d1'] }] : [] }),
        'POST /api/v1/workers': () => {
          made = true
          return jsonResponse({ user_id: 'w2', display_name: 'Sanne', email: 'sanne@example.org', district_ids: ['d1'] })
        },
      },
      adminRoutes(),
    )
    renderWithProviders(<WorkersPage />)
    const form = await screen.findByRole('form', { name: 'Iemand wijkwerker maken' })
    await userEvent.type(within(form).getByLabelText('E-mailadres van het account'), 'sanne@example.org')
    await userEvent.click(within(form).getByLabelText('Emmerhout'))
    await userEvent.click(within(form).getByRole('button', { name: 'Wijkwerker maken' }))
    expect(await within(form).findByRole('status')).toHaveTextContent('Sanne is nu wijkwerker.')
    expect(await screen.findByRole('heading', { level: 3, name: 'Sanne' })).toBeInTheDocument()
    expect(within(form).getByLabelText('E-mailadres van het account')).toHaveValue('')
  })
})
