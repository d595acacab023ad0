import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { offer, session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import SignupsPage from './SignupsPage'
import { problem, stubApi } from '../../test/stubApi'

const at = '2026-11-25T10:00:00Z'
const signup = (id: string, name: string, status: string, extra: object = {}) => ({
  id,
  status,
  display_name: name,
  with_companion: false,
  created_at: at,
  via_referral: false,
  ...extra,
})

function render() {
  return renderWithProviders(<SignupsPage />, { path: '/organisation/offers/f1/signups', route: '/organisation/offers/:offerId/signups' })
}

describe('SignupsPage', () => {
  it('lists new, accepted and waiting people, and accepts one', async () => {
    setTokens({ access: 'a' })
    let accepted = false
    const calls = stubApi({
      'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Club', role: 'owner', status: 'verified' }] }),
      'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach', capacity: 2, free_places: 1, auto_accept: false }),
      'GET /api/v1/offers/f1/signups': () =>
        jsonResponse({
          items: [
            signup('s1', 'Sanne', accepted ? 'accepted' : 'pending', { email: 'sanne@example.nl', via_referral: true }),
            signup('s2', 'Ahmad', 'pending', { message: 'Ik speelde voetbal.', with_companion: true }),
            signup('s3', 'Ria', 'waitlisted', { waitlist_position: 2 }),
            signup('s4', 'Piet', 'waitlisted', { waitlist_position: 1 }),
          ],
        }),
      'PATCH /api/v1/signups/s1': () => {
        accepted = true
        return jsonResponse({ id: 's1', status: 'accepted' })
      },
    })
    render()
    const pending = (await screen.findByRole('heading', { name: 'Nieuwe aanmeldingen (2)' })).closest('section') as HTMLElement
    expect(within(pending).getByText('Aangemeld via een wijkwerker')).toBeInTheDocument()
    expect(within(pending).getByRole('link', { name: 'sanne@example.nl' })).toHaveAttribute('href', 'mailto:sanne@example.nl')
    expect(within(pending).getByText('Ik speelde voetbal.')).toBeInTheDocument()
    expect(within(pending).getByText('Neemt een begeleider mee')).toBeInTheDocument()
    expect(screen.getByText(/1 van 2 plekken vrij/)).toBeInTheDocument()

    const waitlist = screen.getByRole('heading', { name: 'Wachtlijst (2)' }).closest('section') as HTMLElement
    const order = within(waitlist).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(order).toEqual(['Piet', 'Ria'])
    expect(within(waitlist).getByText('Nummer 1 op de wachtlijst')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Aanmelding van Sanne accepteren' }))
    expect(await screen.findByText('Sanne is aangenomen. We sturen een e-mail.')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'accepted' })
    expect(await screen.findByRole('heading', { name: 'Aangenomen (1)' })).toBeInTheDocument()
  })

  it('shows the refusal of a full offer in words', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Club', role: 'owner', status: 'verified' }] }),
      'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach', capacity: 1, free_places: 0 }),
      'GET /api/v1/offers/f1/signups': { items: [signup('s1', 'Sanne', 'pending')] },
      'PATCH /api/v1/signups/s1': problem(409, 'offer_full'),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelding van Sanne accepteren' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Er zijn geen plekken meer vrij.')
  })

  it('tells someone outside the organisation that they cannot see the sign-ups', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session({ organisations: [] }),
      'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach' }),
      'GET /api/v1/offers/f1/signups': problem(403, 'not_a_member'),
    })
    render()
    expect(await screen.findByText(/Je hoort niet bij de organisatie van deze activiteit/)).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
