import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { offer } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import OfferDetailPage from './OfferDetailPage'

const tags = {
  items: [
    { id: 't1', kind: 'access', key: 'wheelchair_accessible', label_nl: 'Rolstoeltoegankelijk', label_en: 'Wheelchair accessible', retired: false },
    { id: 't2', kind: 'goal', key: 'exercise', label_nl: 'Bewegen', label_en: 'Exercise', retired: false },
  ],
}

const id = '01a21293-8713-72e5-a580-9c853e120158'
const route = { path: `/offers/${id}`, route: '/offers/:id' }

/** The offer (`overrides` changed) and the tags; `signup` answers the sign-up. Returns the bodies sent to sign up. */
function stubOffer(signup: Response, overrides: Parameters<typeof offer>[0] = {}) {
  const calls = stubApi({
    'GET /api/v1/tags': tags,
    [`GET /api/v1/offers/${id}`]: offer(overrides),
    [`POST /api/v1/offers/${id}/signups`]: signup,
  })
  return () => calls.filter((c) => c.method === 'POST').map((c) => c.body)
}

describe('OfferDetailPage', () => {
  it('shows the times in words and the tag labels, and asks to sign in first', async () => {
    stubOffer(jsonResponse({}))
    renderWithProviders(<OfferDetailPage />, route)
    expect(await screen.findByRole('heading', { level: 1, name: 'Walking football voor 60-plussers' })).toBeInTheDocument()
    expect(screen.getByText('Elke dinsdag van 10:00 tot 11:30 uur')).toBeInTheDocument()
    expect(await screen.findByText('Rolstoeltoegankelijk')).toBeInTheDocument()
    expect(screen.getByText('Bewegen')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Inloggen om je aan te melden' })).toHaveAttribute(
      'href',
      '/login?next=%2Foffers%2F01a21293-8713-72e5-a580-9c853e120158',
    )
  })

  it('signs up with a message and shows the waitlist position', async () => {
    setTokens({ access: 'a' })
    const bodies = stubOffer(jsonResponse({ id: 's1', status: 'waitlisted', waitlist_position: 3 }, 201))
    renderWithProviders(<OfferDetailPage />, route)
    await userEvent.type(await screen.findByLabelText(/Bericht aan de organisatie/), 'Ik kan op dinsdag.')
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }))
    expect(await screen.findByText('De activiteit is vol. Je staat op de wachtlijst. Je bent nummer 3.')).toBeInTheDocument()
    expect(bodies()).toEqual([{ message: 'Ik kan op dinsdag.' }])
  })

  it('moves the focus to the outcome after signing up', async () => {
    setTokens({ access: 'a' })
    stubOffer(jsonResponse({ id: 's1', status: 'accepted', waitlist_position: null }, 201))
    renderWithProviders(<OfferDetailPage />, route)
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }))
    const outcome = await screen.findByText('Gelukt! Je bent aangenomen. Je krijgt een e-mail met meer informatie.')
    await waitFor(() => expect(outcome.closest('.utrecht-alert')).toHaveFocus())
  })

  it('says that a full offer puts you on the waitlist, and what happens then', async () => {
    setTokens({ access: 'a' })
    const bodies = stubOffer(jsonResponse({ id: 's1', status: 'waitlisted', waitlist_position: 1 }, 201), { free_places: 0, auto_accept: true })
    renderWithProviders(<OfferDetailPage />, route)
    const button = await screen.findByRole('button', { name: 'Op de wachtlijst zetten' })
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).not.toBeInTheDocument()
    expect(button).toHaveAccessibleDescription('Alle plekken zijn bezet. Je komt op de wachtlijst. Komt er een plek vrij, dan krijg je die plek en een e-mail.')
    await userEvent.click(button)
    expect(await screen.findByText('De activiteit is vol. Je staat op de wachtlijst. Je bent nummer 1.')).toBeInTheDocument()
    expect(bodies()).toEqual([{}])
  })

  it('shows a refusal in words', async () => {
    setTokens({ access: 'a' })
    stubOffer(jsonResponse({ type: 'about:blank', title: 'Forbidden', status: 403, detail: '', code: 'email_not_verified' }, 403, 'application/problem+json'))
    renderWithProviders(<OfferDetailPage />, route)
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Bevestig eerst je e-mailadres.')
  })
})
