import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { offer } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { stubApi } from '../../test/stubApi'
import MyActivitiesPage from './MyActivitiesPage'

const TITLE = 'Walking football voor 60-plussers'
const signup = {
  id: 's1',
  status: 'accepted',
  with_companion: false,
  message: null,
  waitlist_position: null,
  created_at: '2026-11-25T11:59:47Z',
  updated_at: '2026-11-25T11:59:47Z',
  offer: offer(),
}

/** One accepted sign-up; returns the withdrawals sent. */
function stubSignups() {
  const calls = stubApi({
    'GET /api/v1/me/signups': { items: [signup], next_cursor: null },
    'PATCH /api/v1/signups/s1': { id: 's1', status: 'withdrawn', waitlist_position: null },
  })
  return () => calls.filter((c) => c.method === 'PATCH')
}

describe('MyActivitiesPage', () => {
  it('asks before withdrawing: the focus goes to the question, "no" sends nothing and gives the focus back', async () => {
    setTokens({ access: 'a' })
    const withdrawals = stubSignups()
    renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
    const opener = await screen.findByRole('button', { name: `Afmelden voor ${TITLE}` })
    await userEvent.click(opener)

    const question = screen.getByText(`Weet je het zeker? Je meldt je dan af voor ${TITLE}.`)
    expect(question).toHaveFocus()
    const group = screen.getByRole('group', { name: `Weet je het zeker? Je meldt je dan af voor ${TITLE}.` })
    expect(within(group).getByRole('button', { name: 'Ja, afmelden' })).toBeInTheDocument()
    expect(withdrawals()).toHaveLength(0)

    await userEvent.click(within(group).getByRole('button', { name: 'Nee, toch niet' }))
    expect(screen.queryByRole('group', { name: /Weet je het zeker/ })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: `Afmelden voor ${TITLE}` })).toHaveFocus())

    // With the keyboard: Enter opens the question, Escape closes it again.
    await userEvent.keyboard('{Enter}')
    expect(screen.getByText(/Weet je het zeker\?/)).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.getByRole('button', { name: `Afmelden voor ${TITLE}` })).toHaveFocus())
    expect(withdrawals()).toHaveLength(0)
  })

  it('withdraws after "yes" and moves the focus to the message', async () => {
    setTokens({ access: 'a' })
    const withdrawals = stubSignups()
    renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
    await userEvent.click(await screen.findByRole('button', { name: `Afmelden voor ${TITLE}` }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, afmelden' }))

    const done = await screen.findByText(`Je bent afgemeld voor ${TITLE}.`)
    await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    expect(withdrawals()).toEqual([expect.objectContaining({ path: '/api/v1/signups/s1', body: { status: 'withdrawn' } })])
    expect(screen.queryByRole('button', { name: `Afmelden voor ${TITLE}` })).not.toBeInTheDocument()
  })
})
