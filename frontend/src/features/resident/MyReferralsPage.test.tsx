import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { offer } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import MyReferralsPage from './MyReferralsPage'

const referral = {
  id: 'r1',
  status: 'proposed',
  worker_display_name: 'Fatma (wijkwerker)',
  note: 'Jan houdt van buiten werken.',
  offer: offer(),
  milestones: [],
  outcome: null,
  outcome_reason: null,
  created_at: '2026-11-26T09:20:41.118Z',
}

/** The referral list, and `answer` to the accept and decline calls (the calls returned are those two). */
function stubReferrals(answer: Response) {
  const calls = stubApi({
    'GET /api/v1/me/referrals': { items: [referral] },
    'POST /api/v1/referrals/r1/accept': answer,
    'POST /api/v1/referrals/r1/decline': answer,
  })
  return () => calls.filter((c) => c.method === 'POST').map(({ path, body }) => ({ path, body }))
}

describe('MyReferralsPage', () => {
  it('accepts with the note passed on', async () => {
    setTokens({ access: 'a' })
    const calls = stubReferrals(jsonResponse({ id: 's1', status: 'pending' }, 201))
    renderWithProviders(<MyReferralsPage />)
    expect(await screen.findByText('Jan houdt van buiten werken.')).toBeInTheDocument()
    expect(screen.getByText(/Voorstel van Fatma \(wijkwerker\), 26 november 2026/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Berichten met je wijkwerker over Walking football voor 60-plussers' })).toHaveAttribute(
      'href',
      '/conversations/referral/r1',
    )
    await userEvent.click(screen.getByLabelText('Mijn wijkwerker mag de notitie doorgeven aan de organisatie'))
    await userEvent.click(screen.getByRole('button', { name: /^Ja, meld me aan voor/ }))
    expect(await screen.findByText('Je hebt ja gezegd. Je bent aangemeld.')).toBeInTheDocument()
    expect(calls()).toEqual([{ path: '/api/v1/referrals/r1/accept', body: { share_note: true } }])
  })

  it('declines with a reason and shows a refusal in words', async () => {
    setTokens({ access: 'a' })
    const calls = stubReferrals(jsonResponse({ code: 'referral_answered', status: 409 }, 409, 'application/problem+json'))
    renderWithProviders(<MyReferralsPage />)
    await userEvent.click(await screen.findByRole('button', { name: /^Nee, liever niet/ }))
    await userEvent.type(screen.getByLabelText('Waarom niet? (mag leeg blijven)'), 'Geen tijd.')
    await userEvent.click(screen.getByRole('button', { name: /^Nee, liever niet/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Je hebt dit voorstel al beantwoord.')
    expect(calls()).toEqual([{ path: '/api/v1/referrals/r1/decline', body: { reason: 'Geen tijd.' } }])
  })

  it('shows how an accepted suggestion goes, in words for the resident', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me/referrals': {
        items: [
          {
            ...referral,
            status: 'accepted',
            milestones: [
              { kind: 'started', due: '2026-12-17T09:20:41Z', reached_at: '2026-12-01T09:00:00Z', state: 'reached' },
              { kind: 'week_4', due: '2026-12-29T09:00:00Z', reached_at: null, state: 'missed' },
              { kind: 'week_12', due: '2027-02-23T09:00:00Z', reached_at: null, state: 'upcoming' },
            ],
          },
          { ...referral, id: 'r2', offer: offer({ id: 'o2', title: 'Wandelgroep' }) },
        ],
      },
    })
    renderWithProviders(<MyReferralsPage />)
    const accepted = (await screen.findByRole('heading', { name: 'Walking football voor 60-plussers' })).closest('li')!
    expect(within(within(accepted).getByRole('list', { name: 'Hoe gaat het?' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓Begin: Je bent begonnen op 1 december 2026.',
      '✕Na 4 weken: Je was er rond 29 december 2026 niet.',
      '○Na 12 weken: Dat is rond 23 februari 2027.',
    ])
    // Not for a suggestion that waits for an answer.
    const waiting = screen.getByRole('heading', { name: 'Wandelgroep' }).closest('li')!
    expect(within(waiting).queryByRole('list', { name: 'Hoe gaat het?' })).not.toBeInTheDocument()
  })
})
