import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { clockAt } from '../../test/clock'
import { offer, session } from '../../test/fixtures'
import { renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import MyActivitiesPage from '../resident/MyActivitiesPage'

// Thursday 10 December 2026, 13:00 in Emmen.
clockAt('2026-12-10T12:00:00Z')

const TITLE = 'Walking football voor 60-plussers'
const OFFER = offer()
const id = (day: string) => `${OFFER.id}_${day}T090000Z`
const occurrence = (day: string, extra: object = {}) => ({
  id: id(day),
  starts_at: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T09:00:00Z`,
  ends_at: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T10:30:00Z`,
  cancelled: false,
  reason: null,
  ...extra,
})
const signup = (status: string) => ({
  id: 's1',
  status,
  with_companion: false,
  message: null,
  waitlist_position: null,
  created_at: '2026-11-25T11:59:47Z',
  updated_at: '2026-11-25T11:59:47Z',
  offer: OFFER,
})

/** An accepted place; the next three Tuesdays, the 22nd already reported, the 29th cancelled. */
function render(routes: Routes = {}, status = 'accepted') {
  setTokens({ access: 'a' })
  const calls = stubApi({
    'GET /api/v1/me': session(),
    'GET /api/v1/me/signups': { items: [signup(status)], next_cursor: null },
    [`GET /api/v1/offers/${OFFER.id}/occurrences`]: {
      items: [occurrence('20261215'), occurrence('20261222'), occurrence('20261229', { cancelled: true, reason: 'Kerstvakantie' })],
    },
    'GET /api/v1/me/participation': {
      from: '2026-12-10',
      to: '2027-01-06',
      sessions_present: 0,
      hours: 0,
      items: [],
      months: [],
      records: [{ occurrence_id: id('20261222'), offer_id: OFFER.id, offer_title: TITLE, starts_at: '2026-12-22T09:00:00Z', status: 'excused', hours: 0 }],
    },
    [`POST /api/v1/occurrences/${id('20261215')}/absence`]: () => new Response(null, { status: 204 }),
    ...routes,
  })
  renderWithProviders(<MyActivitiesPage />, { path: '/my-activities' })
  return calls
}

const OPENER = `Ik kan niet komen: ${TITLE}, dinsdag 15 december, 10:00–11:30`
const QUESTION = 'Kun je op dinsdag 15 december, 10:00–11:30 niet komen? Dan laten we het de organisatie weten.'

describe('the next meetings on my activities', () => {
  it('shows the coming 4 weeks of an accepted place, with what is already reported or cancelled', async () => {
    const calls = render()
    const section = (await screen.findByRole('heading', { level: 3, name: 'De komende keren' })).closest('section') as HTMLElement
    await within(section).findByText('Je hebt je afgemeld voor deze keer.')
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'dinsdag 15 december, 10:00–11:30Ik kan niet komen',
      'dinsdag 22 december, 10:00–11:30Je hebt je afgemeld voor deze keer.',
      'dinsdag 29 december, 10:00–11:30Gaat niet door · Kerstvakantie',
    ])
    expect(calls.find((c) => c.path === `/api/v1/offers/${OFFER.id}/occurrences`)?.search).toBe('?from=2026-12-10&to=2027-01-06')
    expect(calls.find((c) => c.path === '/api/v1/me/participation')?.search).toBe('?from=2026-12-10&to=2027-01-06')
    expect(screen.getByRole('link', { name: 'Bekijk hoe vaak je er was' })).toHaveAttribute('href', '/my-participation')
  })

  it('asks first: "no" sends nothing and gives the focus back', async () => {
    const calls = render()
    await userEvent.click(await screen.findByRole('button', { name: OPENER }))
    expect(screen.getByText(QUESTION)).toHaveFocus()
    await userEvent.click(within(screen.getByRole('group', { name: QUESTION })).getByRole('button', { name: 'Nee, ik kom wel' }))
    await waitFor(() => expect(screen.getByRole('button', { name: OPENER })).toHaveFocus())
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('reports the absence after "yes" and moves the focus to the message', async () => {
    const calls = render()
    await userEvent.click(await screen.findByRole('button', { name: OPENER }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, ik kan niet komen' }))

    const done = await screen.findByText('Je hebt je afgemeld voor dinsdag 15 december, 10:00–11:30. De organisatie weet nu dat je niet komt.')
    await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({ path: `/api/v1/occurrences/${id('20261215')}/absence`, authorization: 'Bearer a' }),
    ])
    expect(screen.queryByRole('button', { name: OPENER })).not.toBeInTheDocument()
  })

  it('says so when the meeting has already started (409)', async () => {
    render({ [`POST /api/v1/occurrences/${id('20261215')}/absence`]: problem(409, 'occurrence_past') })
    await userEvent.click(await screen.findByRole('button', { name: OPENER }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, ik kan niet komen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze keer is al begonnen of voorbij.')
  })

  it('shows no meetings for a sign-up without a place', async () => {
    const calls = render({}, 'waitlisted')
    expect(await screen.findByText('Op de wachtlijst')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'De komende keren' })).not.toBeInTheDocument()
    expect(calls.some((c) => c.path.endsWith('/occurrences'))).toBe(false)
  })
})
