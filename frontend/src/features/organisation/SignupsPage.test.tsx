import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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

  it('links each sign-up to its messages, and writes to everyone with a place', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Club', role: 'owner', status: 'verified' }] }),
      'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach', capacity: 3, free_places: 1 }),
      'GET /api/v1/offers/f1/signups': { items: [signup('s1', 'Sanne', 'accepted'), signup('s2', 'Ahmad', 'accepted'), signup('s3', 'Ria', 'pending')] },
      'POST /api/v1/offers/f1/messages': jsonResponse({ sent: 2 }, 201),
    })
    render()
    expect(await screen.findByRole('link', { name: 'Berichten met Sanne' })).toHaveAttribute('href', '/conversations/signup/s1')
    expect(screen.getByRole('link', { name: 'Berichten met Ria' })).toHaveAttribute('href', '/conversations/signup/s3')

    const broadcast = screen.getByRole('region', { name: 'Schrijf alle deelnemers' })
    // Empty: checked before sending.
    await userEvent.click(within(broadcast).getByRole('button', { name: 'Stuur naar alle deelnemers' }))
    expect(await within(broadcast).findByRole('link', { name: 'Bericht aan alle deelnemers: Vul dit in.' })).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])

    await userEvent.type(within(broadcast).getByLabelText('Bericht aan alle deelnemers'), 'Dinsdag is de zaal dicht.')
    await userEvent.click(within(broadcast).getByRole('button', { name: 'Stuur naar alle deelnemers' }))
    const result = await within(broadcast).findByRole('status')
    expect(result).toHaveTextContent('Je bericht is naar 2 deelnemers gestuurd.')
    await waitFor(() => expect(result.closest('.utrecht-alert')).toHaveFocus())
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ body: 'Dinsdag is de zaal dicht.' }])
  })

  it('explains that writing to all participants needs someone with a place', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Club', role: 'owner', status: 'verified' }] }),
      'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach' }),
      'GET /api/v1/offers/f1/signups': { items: [signup('s1', 'Sanne', 'pending')] },
    })
    render()
    const broadcast = await screen.findByRole('region', { name: 'Schrijf alle deelnemers' })
    expect(broadcast).toHaveTextContent('Er heeft nog niemand een plek.')
    expect(within(broadcast).queryByRole('textbox')).toBeNull()
  })

  describe('declining', () => {
    const member = session({ organisations: [{ id: 'o1', name: 'Club', role: 'owner', status: 'verified' }] })
    const reasonLabel = 'Waarom niet? (de bewoner krijgt dit te lezen)'

    /** Sanne and Ahmad are new; Ahmad's sign-up is declined once the PATCH went through. */
    function stubDecline(patch?: Response) {
      let declined = false
      return stubApi({
        'GET /api/v1/me': member,
        'GET /api/v1/offers/f1': offer({ id: 'f1', title: 'Coach', capacity: 2, free_places: 2, auto_accept: false }),
        'GET /api/v1/offers/f1/signups': () =>
          jsonResponse({ items: [signup('s1', 'Sanne', 'pending'), signup('s2', 'Ahmad', declined ? 'declined' : 'pending')] }),
        'PATCH /api/v1/signups/s2':
          patch ??
          (() => {
            declined = true
            return jsonResponse({ id: 's2', status: 'declined' })
          }),
      })
    }

    /** Opens the decline form on Ahmad's card; it takes the focus. */
    async function openDecline() {
      await userEvent.click(await screen.findByRole('button', { name: 'Aanmelding van Ahmad afwijzen' }))
      const form = screen.getByRole('group', { name: 'Wil je de aanmelding van Ahmad afwijzen?' })
      await waitFor(() => expect(form).toHaveFocus())
      return form
    }

    it('asks why first, and sends the reason with the decline', async () => {
      setTokens({ access: 'a' })
      const calls = stubDecline()
      render()
      const form = await openDecline()
      const reason = within(form).getByLabelText(reasonLabel)
      expect(reason).toHaveAccessibleDescription('Dit mag leeg blijven. Gebruik hoogstens 1000 tekens.')
      // Nothing is sent before the organisation confirms.
      expect(calls.filter((c) => c.method === 'PATCH')).toEqual([])

      await userEvent.type(reason, '  De groep is al vol met mensen uit jouw straat.  ')
      await userEvent.click(within(form).getByRole('button', { name: 'Afwijzen' }))
      const message = await screen.findByText('De aanmelding van Ahmad is afgewezen. We sturen een e-mail met je reden.')
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ status: 'declined', reason: 'De groep is al vol met mensen uit jouw straat.' }])
      await waitFor(() => expect(message.closest('[tabindex="-1"]')).toHaveFocus())
      const past = (await screen.findByRole('heading', { name: 'Afgewezen of afgemeld (1)' })).closest('section') as HTMLElement
      expect(within(past).getByRole('heading', { level: 3, name: 'Ahmad' })).toBeInTheDocument()
    })

    it('declines without a reason when the field stays empty', async () => {
      setTokens({ access: 'a' })
      const calls = stubDecline()
      render()
      const form = await openDecline()
      await userEvent.click(within(form).getByRole('button', { name: 'Afwijzen' }))
      expect(await screen.findByText('De aanmelding van Ahmad is afgewezen. We sturen een e-mail.')).toBeInTheDocument()
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ status: 'declined' }])
    })

    it('stops a reason over 1000 characters before sending', async () => {
      setTokens({ access: 'a' })
      const calls = stubDecline()
      render()
      const form = await openDecline()
      const reason = within(form).getByLabelText(reasonLabel)
      // Pasted text is not cut off: the description says how much is too much, and the check stops it.
      fireEvent.change(reason, { target: { value: 'a'.repeat(1001) } })
      expect(reason).toHaveAccessibleDescription('Je hebt 1 teken te veel. Gebruik hoogstens 1000 tekens.')
      expect(reason).toHaveValue('a'.repeat(1001))
      await userEvent.click(within(form).getByRole('button', { name: 'Afwijzen' }))

      const summary = await within(form).findByRole('alert', { name: 'Niet alles is goed ingevuld' })
      await waitFor(() => expect(summary).toHaveFocus())
      expect(within(summary).getByRole('link', { name: `${reasonLabel}: Dit is te lang. Maak het korter.` })).toHaveAttribute('href', '#decline-reason-s2')
      expect(reason).toHaveAttribute('aria-invalid', 'true')
      expect(calls.filter((c) => c.method === 'PATCH')).toEqual([])

      // Exactly 1000 (after trimming) goes through.
      fireEvent.change(reason, { target: { value: ` ${'a'.repeat(1000)} ` } })
      await userEvent.click(within(form).getByRole('button', { name: 'Afwijzen' }))
      expect(await screen.findByText('De aanmelding van Ahmad is afgewezen. We sturen een e-mail met je reden.')).toBeInTheDocument()
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ status: 'declined', reason: 'a'.repeat(1000) }])
    })

    it('shows the server’s too_long next to the reason', async () => {
      setTokens({ access: 'a' })
      stubDecline(problem(422, 'validation_failed', [{ field: 'reason', code: 'too_long' }]))
      render()
      const form = await openDecline()
      const reason = within(form).getByLabelText(reasonLabel)
      await userEvent.type(reason, 'Vol.')
      await userEvent.click(within(form).getByRole('button', { name: 'Afwijzen' }))
      expect(await within(form).findByRole('link', { name: `${reasonLabel}: Dit is te lang. Maak het korter.` })).toBeInTheDocument()
      expect(reason).toHaveAttribute('aria-invalid', 'true')
      expect(reason).toHaveAccessibleDescription(/^Dit is te lang\. Maak het korter\./)
      expect(reason).toHaveValue('Vol.')
    })

    it('cancels without sending, and gives the focus back to the decline button', async () => {
      setTokens({ access: 'a' })
      const calls = stubDecline()
      render()
      const form = await openDecline()
      await userEvent.type(within(form).getByLabelText(reasonLabel), 'Toch niet')
      await userEvent.click(within(form).getByRole('button', { name: 'Annuleren' }))
      expect(screen.queryByRole('group', { name: 'Wil je de aanmelding van Ahmad afwijzen?' })).not.toBeInTheDocument()
      await waitFor(() => expect(screen.getByRole('button', { name: 'Aanmelding van Ahmad afwijzen' })).toHaveFocus())
      expect(calls.filter((c) => c.method === 'PATCH')).toEqual([])
    })
  })
})
