import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { problem, stubApi } from '../../test/stubApi'
import ConversationPage from './ConversationPage'
import type { ConversationAbout } from './types'

const signupId = '01a21299-0000-7000-8000-000000000001'
const referralId = '01a21299-0000-7000-8000-000000000002'
const offerId = '01a21293-8713-72e5-a580-9c853e120158'

function render(about: ConversationAbout = 'signup', id = signupId) {
  return renderWithProviders(<ConversationPage about={about} />, { path: `/conversations/${about}/${id}`, route: `/conversations/${about}/:id` })
}

/** The conversation as Kees (the resident) sees it: the organisation's question first, then his answer. */
function conversation(overrides: object = {}) {
  return {
    offer_id: offerId,
    offer_title: 'Walking football',
    resident_name: 'Kees',
    other_side_name: 'Sportvereniging Emmerhout',
    my_side: 'resident',
    // Newest first on purpose: the page shows them oldest first.
    items: [
      { id: 'm2', side: 'resident', author_name: 'Kees', mine: true, body: 'Ja, ik kom dinsdag.', created_at: '2026-11-26T09:15:00Z' },
      { id: 'm1', side: 'organisation', author_name: 'Anja', mine: false, body: 'Kom je dinsdag ook?\nNeem sportschoenen mee.', created_at: '2026-11-25T13:30:00Z' },
    ],
    ...overrides,
  }
}

const sent = { id: 'm3', side: 'resident', author_name: 'Kees', mine: true, body: 'Tot dinsdag!', created_at: '2026-11-27T08:00:00Z' }

/** The list items of the messages, as text. */
function messages(): string[] {
  const list = screen.getByRole('region', { name: 'Berichten' }).querySelector('ol')
  return list ? within(list).getAllByRole('listitem').map((li) => li.textContent ?? '') : []
}

describe('ConversationPage', () => {
  it('shows the offer and the other side in the heading, and the messages oldest first with who wrote them and when', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session(), [`GET /api/v1/signups/${signupId}/messages`]: conversation() })
    render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten met Sportvereniging Emmerhout over Walking football' })).toBeInTheDocument()
    expect(document.title).toBe('Berichten met Sportvereniging Emmerhout over Walking football · Meedoen')
    expect(screen.getByText(/^Alleen jij en Sportvereniging Emmerhout kunnen deze berichten lezen/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar mijn activiteiten' })).toHaveAttribute('href', '/my-activities')
    expect(screen.getByRole('link', { name: 'Bekijk de activiteit' })).toHaveAttribute('href', `/offers/${offerId}`)
    expect(messages()).toEqual([
      'Anja (organisatie) · 25 november 2026 om 14:30Kom je dinsdag ook?\nNeem sportschoenen mee.',
      'Jij · 26 november 2026 om 10:15Ja, ik kom dinsdag.',
    ])
    expect(screen.getByText('25 november 2026 om 14:30')).toHaveAttribute('datetime', '2026-11-25T13:30:00Z')
  })

  it('sends a message, shows it at the end and moves the focus to it', async () => {
    setTokens({ access: 'a' })
    let items = conversation().items
    const calls = stubApi({
      'GET /api/v1/me': session(),
      [`GET /api/v1/signups/${signupId}/messages`]: () => jsonResponse(conversation({ items })),
      [`POST /api/v1/signups/${signupId}/messages`]: () => {
        items = [...items, sent]
        return jsonResponse(sent, 201)
      },
    })
    render()
    const field = await screen.findByLabelText('Je bericht')
    expect(field).toHaveAccessibleDescription('Je kunt nog 2000 tekens typen.')
    await userEvent.type(field, '  Tot dinsdag!  ')
    expect(field).toHaveAccessibleDescription('Je kunt nog 1988 tekens typen.')
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))

    await waitFor(() => expect(document.getElementById('message-m3')).toHaveFocus())
    expect(messages().at(-1)).toBe('Jij · 27 november 2026 om 09:00Tot dinsdag!')
    expect(messages()).toHaveLength(3)
    expect(screen.getByText('Je bericht is verstuurd. Sportvereniging Emmerhout krijgt een e-mail.')).toBeInTheDocument()
    expect(field).toHaveValue('')
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ body: 'Tot dinsdag!' }])
  })

  it('shows the server’s too_long next to the field and in the error summary, which takes the focus', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session(),
      [`GET /api/v1/signups/${signupId}/messages`]: conversation(),
      [`POST /api/v1/signups/${signupId}/messages`]: problem(422, 'validation_failed', [{ field: 'body', code: 'too_long' }]),
    })
    render()
    await userEvent.type(await screen.findByLabelText('Je bericht'), 'Hallo')
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))

    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    expect(within(summary).getByRole('link', { name: 'Je bericht: Dit is te lang. Maak het korter.' })).toHaveAttribute('href', '#message-body')
    const field = screen.getByLabelText('Je bericht')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/^Dit is te lang\. Maak het korter\./)
    expect(field).toHaveValue('Hallo')
    await userEvent.click(within(summary).getByRole('link'))
    expect(field).toHaveFocus()
  })

  it('checks before sending: nothing written, or more than 2000 characters, sends nothing', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({ 'GET /api/v1/me': session(), [`GET /api/v1/signups/${signupId}/messages`]: conversation() })
    render()
    const field = await screen.findByLabelText('Je bericht')
    await userEvent.type(field, '   ')
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))
    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    expect(summary).toHaveTextContent('Je bericht: Vul dit in.')
    expect(field).toHaveAttribute('aria-invalid', 'true')

    // Pasted text is not cut off: the count says how much is too much, and the check stops it.
    fireEvent.change(field, { target: { value: 'a'.repeat(2001) } })
    expect(field).toHaveAccessibleDescription(/Je hebt 1 teken te veel\.$/)
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))
    expect(await screen.findByRole('link', { name: 'Je bericht: Dit is te lang. Maak het korter.' })).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('shows an organisation member the resident’s name and leads back to the sign-ups', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session(),
      [`GET /api/v1/signups/${signupId}/messages`]: conversation({ my_side: 'organisation', items: [] }),
    })
    render()
    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten met Kees over Walking football' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar de aanmeldingen' })).toHaveAttribute('href', `/organisation/offers/${offerId}/signups`)
    expect(screen.getByText('Er zijn nog geen berichten. Schrijf hieronder het eerste bericht.')).toBeInTheDocument()
  })

  it('reads and writes a referral’s conversation on its own path', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      'GET /api/v1/me': session(),
      [`GET /api/v1/referrals/${referralId}/messages`]: conversation({ other_side_name: 'Fatma (wijkwerker)', items: [] }),
      [`POST /api/v1/referrals/${referralId}/messages`]: jsonResponse(sent, 201),
    })
    render('referral', referralId)
    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten met Fatma (wijkwerker) over Walking football' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar mijn voorstellen' })).toHaveAttribute('href', '/my-referrals')
    await userEvent.type(screen.getByLabelText('Je bericht'), 'Tot dinsdag!')
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))
    expect(await screen.findByText('Je bericht is verstuurd. Fatma (wijkwerker) krijgt een e-mail.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/referrals/${referralId}/messages`])
  })

  it('asks to sign in first, back to this conversation', () => {
    stubApi({})
    render()
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', `/login?next=${encodeURIComponent(`/conversations/signup/${signupId}`)}`)
  })

  it('says it cannot find a conversation of someone else (404)', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session() })
    render()
    expect(await screen.findByText('We kunnen dit gesprek niet vinden. Misschien ben je met een ander account ingelogd.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Je bericht')).not.toBeInTheDocument()
  })
})
