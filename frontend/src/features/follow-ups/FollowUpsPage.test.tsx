import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { workerRoutes } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import FollowUpsPage from './FollowUpsPage'
import type { FollowUpItem, Milestone, WorkerReferral } from './types'

function referral(overrides: Partial<WorkerReferral> = {}): WorkerReferral {
  return {
    id: 'r1',
    status: 'accepted',
    resident_id: 'u-jan',
    resident_display_name: 'Jan Bewoner',
    offer_id: 'o1',
    offer_title: 'Meewerken in de moestuin',
    note: null,
    decline_reason: null,
    signup_id: 's1',
    signup_status: 'accepted',
    milestones: [],
    outcome: null,
    outcome_reason: null,
    closed_at: null,
    created_at: '2026-12-01T09:00:00Z',
    updated_at: '2026-12-04T09:00:00Z',
    ...overrides,
  }
}

// Jan said yes on 4 December and never came: the three weeks ran out on 25 December.
const notStarted: Milestone = { kind: 'started', due: '2026-12-25T09:00:00Z', reached_at: null, state: 'missed' }
const jan: FollowUpItem = {
  referral: referral({ milestones: [notStarted], outcome: 'never_started' }),
  attention: notStarted,
  notes: [
    { id: 'n1', body: 'Gebeld, geen gehoor.', created_at: '2026-12-28T10:00:00Z' },
    { id: 'n2', body: 'Jan belt terug.', created_at: '2026-12-29T14:30:00Z' },
  ],
}
// Sanne started on 29 December and is around her four weeks now (26 January, a week either side).
const weekFour: Milestone = { kind: 'week_4', due: '2027-01-26T09:00:00Z', reached_at: null, state: 'due' }
const sanne: FollowUpItem = {
  referral: referral({
    id: 'r2',
    resident_id: 'u-sanne',
    resident_display_name: 'Sanne de Vries',
    offer_id: 'o2',
    offer_title: 'Wandelgroep',
    signup_id: 's2',
    milestones: [
      { kind: 'started', due: '2027-01-19T09:00:00Z', reached_at: '2026-12-29T09:00:00Z', state: 'reached' },
      weekFour,
      { kind: 'week_12', due: '2027-03-23T09:00:00Z', reached_at: null, state: 'upcoming' },
    ],
  }),
  attention: weekFour,
  notes: [],
}

function render(routes: Routes = {}, items: FollowUpItem[] = [jan, sanne]) {
  setTokens({ access: 'a' })
  const calls = stubApi({ 'GET /api/v1/worker/follow-ups': { items }, ...routes }, workerRoutes())
  renderWithProviders(<FollowUpsPage />, { path: '/worker/follow-ups' })
  return calls
}

/** The card of a resident, found by its heading. */
async function card(name: string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name })).closest('li') as HTMLElement
}

const posts = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method === 'POST').map(({ path, body }) => ({ path, body }))

describe('FollowUpsPage', () => {
  it('shows each follow-up, oldest first: what needs attention, the timeline and the notes', async () => {
    render()
    expect(screen.getByRole('heading', { level: 1, name: 'Navragen' })).toBeInTheDocument()
    expect(await screen.findByText('2 voorstellen om na te vragen.')).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Jan Bewoner', 'Sanne de Vries'])

    const first = await card('Jan Bewoner')
    expect(within(first).getByRole('link', { name: 'Meewerken in de moestuin' })).toHaveAttribute('href', '/offers/o1')
    expect(within(first).getByText('Nog niet begonnen — had uiterlijk 25 december 2026 moeten beginnen.')).toBeInTheDocument()
    expect(within(within(first).getByRole('list', { name: 'Voortgang' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✕Begin: Niet begonnen. Had uiterlijk 25 december 2026 moeten beginnen.',
    ])
    expect(within(first).getByRole('heading', { level: 3, name: 'Notities' })).toBeInTheDocument()
    expect(within(first).getAllByRole('listitem').filter((li) => li.classList.contains('meedoen-follow-up__note')).map((li) => li.textContent)).toEqual([
      '28 december 2026 om 11:00Gebeld, geen gehoor.',
      '29 december 2026 om 15:30Jan belt terug.',
    ])
    expect(within(first).getByRole('link', { name: 'Berichten met Jan Bewoner over Meewerken in de moestuin' })).toHaveAttribute('href', '/conversations/referral/r1')

    const second = await card('Sanne de Vries')
    // Due: she can still come until a week after the mark.
    expect(within(second).getByText('Rond 4 weken nog niet geweest. Dat kan nog tot en met 2 februari 2027.')).toBeInTheDocument()
    expect(within(within(second).getByRole('list', { name: 'Voortgang' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓Begin: Begonnen op 29 december 2026.',
      '…Na 4 weken: Rond 26 januari 2027. Nog niet geweest.',
      '○Na 12 weken: Rond 23 maart 2027.',
    ])
    expect(within(second).getByText('Nog geen notities.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar wijkwerk' })).toHaveAttribute('href', '/worker')
  })

  it('says when a resident did not come a few times in a row, also when no milestone needs attention', async () => {
    const ria: FollowUpItem = {
      referral: referral({
        id: 'r3',
        resident_display_name: 'Ria Jansen',
        milestones: [
          { kind: 'started', due: '2026-12-22T09:00:00Z', reached_at: '2026-12-02T09:00:00Z', state: 'reached' },
          { kind: 'week_4', due: '2026-12-30T09:00:00Z', reached_at: '2026-12-23T09:00:00Z', state: 'reached' },
          { kind: 'week_12', due: '2027-02-24T09:00:00Z', reached_at: null, state: 'upcoming' },
        ],
      }),
      attention: null,
      missed: { in_a_row: 2, since: '2027-01-06T09:00:00Z' },
      notes: [],
    }
    render({}, [{ ...jan, missed: { in_a_row: 3, since: '2026-12-16T09:00:00Z' } }, ria])
    const first = await card('Jan Bewoner')
    expect(within(first).getByText('Nog niet begonnen — had uiterlijk 25 december 2026 moeten beginnen.')).toBeInTheDocument()
    expect(within(first).getByText('3 keer achter elkaar niet gekomen zonder af te melden, sinds 16 december 2026.')).toBeInTheDocument()
    const second = await card('Ria Jansen')
    expect([...second.querySelectorAll('.meedoen-follow-up__attention')].map((p) => p.textContent)).toEqual([
      '2 keer achter elkaar niet gekomen zonder af te melden, sinds 6 januari 2027.',
    ])
  })

  it('says when there is nothing to follow up', async () => {
    render({}, [])
    expect(await screen.findByText('Er is nu niets om na te vragen.')).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })

  it('adds a note at the end of the list, empties the field and moves the focus to the message', async () => {
    const calls = render({
      'POST /api/v1/referrals/r2/notes': jsonResponse({ id: 'n3', body: 'Sanne was ziek.', created_at: '2027-01-27T08:15:00Z' }, 201),
    })
    const second = await card('Sanne de Vries')
    const field = within(second).getByLabelText('Nieuwe notitie over Sanne de Vries')
    expect(field).toHaveAccessibleDescription('Alleen jij leest je notities. Gebruik hoogstens 1000 tekens.')
    await userEvent.type(field, '  Sanne was ziek.  ')
    await userEvent.click(within(second).getByRole('button', { name: 'Notitie opslaan over Sanne de Vries' }))
    const saved = await within(second).findByRole('status')
    expect(saved).toHaveTextContent('Je notitie is opgeslagen.')
    expect(saved.closest('.meedoen-follow-up__status')).toHaveFocus()
    expect(within(second).getByText('Sanne was ziek.')).toBeInTheDocument()
    expect(within(second).queryByText('Nog geen notities.')).not.toBeInTheDocument()
    expect(field).toHaveValue('')
    expect(posts(calls)).toEqual([{ path: '/api/v1/referrals/r2/notes', body: { body: 'Sanne was ziek.' } }])
  })

  it('checks a note before sending: empty, then too long', async () => {
    const calls = render()
    const first = await card('Jan Bewoner')
    const save = within(first).getByRole('button', { name: 'Notitie opslaan over Jan Bewoner' })
    await userEvent.click(save)
    const summary = within(first).getByRole('alert')
    expect(summary).toHaveFocus()
    expect(within(summary).getByRole('link', { name: 'Nieuwe notitie over Jan Bewoner: Schrijf eerst je notitie.' })).toBeInTheDocument()

    const field = within(first).getByLabelText('Nieuwe notitie over Jan Bewoner')
    await userEvent.click(field)
    await userEvent.paste('a'.repeat(1002))
    expect(field).toHaveAccessibleDescription(/Je hebt 2 tekens te veel\./)
    await userEvent.click(save)
    expect(within(within(first).getByRole('alert')).getByRole('link', { name: /Je notitie is te lang/ })).toBeInTheDocument()
    expect(posts(calls)).toEqual([])
  })

  it('explains a referral the worker can no longer follow', async () => {
    render({ 'POST /api/v1/referrals/r1/notes': problem(404, 'not_found') })
    const first = await card('Jan Bewoner')
    await userEvent.type(within(first).getByLabelText('Nieuwe notitie over Jan Bewoner'), 'Nog eens bellen.')
    await userEvent.click(within(first).getByRole('button', { name: 'Notitie opslaan over Jan Bewoner' }))
    const alert = await within(first).findByRole('alert')
    expect(alert).toHaveTextContent('Je kunt dit voorstel niet meer volgen.')
    await waitFor(() => expect(alert.closest('.utrecht-alert')).toHaveFocus())
  })

  it('closes as stopped with a reason: the card leaves the list and the message takes the focus', async () => {
    const calls = render({
      'POST /api/v1/referrals/r1/close': referral({ outcome: 'stopped', outcome_reason: 'times', closed_at: '2027-01-27T09:00:00Z' }),
    })
    const first = await card('Jan Bewoner')
    expect(within(first).getByRole('heading', { level: 3, name: 'Afsluiten' })).toBeInTheDocument()
    const close = within(first).getByRole('button', { name: 'Afsluiten: Jan Bewoner, Meewerken in de moestuin' })

    // Nothing chosen yet.
    await userEvent.click(close)
    expect(within(within(first).getByRole('alert')).getByRole('link', { name: 'Hoe is het gegaan?: Kies hoe het is gegaan: afgerond of gestopt.' })).toBeInTheDocument()

    // Stopped asks why, from the short list.
    expect(within(first).queryByRole('group', { name: 'Waarom is Jan Bewoner gestopt?' })).not.toBeInTheDocument()
    await userEvent.click(within(first).getByRole('radio', { name: 'Gestopt' }))
    const why = within(first).getByRole('group', { name: 'Waarom is Jan Bewoner gestopt?' })
    expect(within(why).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'Gezondheid',
      'Past niet',
      'Tijden',
      'Reizen',
      'Werk gevonden',
      'Verhuisd',
      'Anders',
    ])
    await userEvent.click(close)
    expect(within(within(first).getByRole('alert')).getByRole('link', { name: 'Waarom is Jan Bewoner gestopt?: Kies waarom de bewoner is gestopt.' })).toBeInTheDocument()
    expect(posts(calls)).toEqual([])

    await userEvent.click(within(why).getByRole('radio', { name: 'Tijden' }))
    await userEvent.click(close)
    const done = await screen.findByRole('status')
    expect(done).toHaveTextContent('Je hebt het voorstel aan Jan Bewoner (Meewerken in de moestuin) afgesloten. Het staat niet meer in deze lijst.')
    expect(done.closest('.meedoen-follow-up__status')).toHaveFocus()
    expect(screen.queryByRole('heading', { level: 2, name: 'Jan Bewoner' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Sanne de Vries' })).toBeInTheDocument()
    expect(screen.getByText('1 voorstel om na te vragen.')).toBeInTheDocument()
    expect(posts(calls)).toEqual([{ path: '/api/v1/referrals/r1/close', body: { outcome: 'stopped', reason: 'times' } }])
  })

  it('closes as completed without a reason; closed already by someone else, it says so and loads the list again', async () => {
    // A colleague closed Sanne's referral meanwhile: from then on the server's list no longer has it.
    let items = [jan, sanne]
    const calls = render({
      'GET /api/v1/worker/follow-ups': () => jsonResponse({ items }),
      'POST /api/v1/referrals/r2/close': () => {
        items = [jan]
        return problem(409, 'referral_closed')
      },
    })
    const second = await card('Sanne de Vries')
    await userEvent.click(within(second).getByRole('radio', { name: 'Afgerond' }))
    expect(within(second).getByRole('radio', { name: 'Afgerond' })).toHaveAccessibleDescription('Sanne de Vries doet mee zoals bedoeld, of heeft de activiteit afgemaakt.')
    await userEvent.click(within(second).getByRole('button', { name: 'Afsluiten: Sanne de Vries, Wandelgroep' }))

    const alert = await screen.findByRole('alert')
    expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Dit voorstel is al afgesloten.',
      'Het gaat om het voorstel aan Sanne de Vries (Wandelgroep). Dat is intussen veranderd. Daarom hebben we de lijst opnieuw geladen.',
    ])
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Sanne de Vries' })).not.toBeInTheDocument())
    expect(alert.closest('.meedoen-follow-up__status')).toHaveFocus()
    expect(screen.getByRole('heading', { level: 2, name: 'Jan Bewoner' })).toBeInTheDocument()
    expect(screen.getByText('1 voorstel om na te vragen.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/worker/follow-ups')).toHaveLength(2)
    expect(posts(calls)).toEqual([{ path: '/api/v1/referrals/r2/close', body: { outcome: 'completed' } }])
  })

  it('loads the list again when a note finds the referral no longer accepted, and the card shows it as it is now', async () => {
    // Still in the list after the refetch (with a note from meanwhile): the message is said once, above the list.
    const meanwhile = { id: 'n9', body: 'Door collega afgehandeld.', created_at: '2027-01-27T08:00:00Z' }
    let items = [jan, sanne]
    const calls = render({
      'GET /api/v1/worker/follow-ups': () => jsonResponse({ items }),
      'POST /api/v1/referrals/r2/notes': () => {
        items = [jan, { ...sanne, notes: [meanwhile] }]
        return problem(409, 'referral_not_accepted')
      },
    })
    const second = await card('Sanne de Vries')
    await userEvent.type(within(second).getByLabelText('Nieuwe notitie over Sanne de Vries'), 'Nog eens bellen.')
    await userEvent.click(within(second).getByRole('button', { name: 'Notitie opslaan over Sanne de Vries' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/^De bewoner heeft dit voorstel nog niet aangenomen\.Het gaat om het voorstel aan Sanne de Vries \(Wandelgroep\)\./)
    expect(await within(second).findByText('Door collega afgehandeld.')).toBeInTheDocument()
    expect(screen.getAllByRole('alert')).toEqual([alert])
    expect(alert.closest('.meedoen-follow-up__status')).toHaveFocus()
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/worker/follow-ups')).toHaveLength(2)
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    render()
    expect(screen.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeInTheDocument()
    const first = await card('Jan Bewoner')
    expect(within(first).getByText('Not started yet — should have started by 25 December 2026.')).toBeInTheDocument()
    expect(within(first).getByRole('list', { name: 'Progress' })).toHaveTextContent('Start: Did not start. Should have started by 25 December 2026.')
    await userEvent.click(within(first).getByRole('radio', { name: 'Stopped' }))
    expect(within(first).getByRole('radio', { name: 'Found work' })).toBeInTheDocument()
    expect(within(first).getByRole('button', { name: 'Close: Jan Bewoner, Meewerken in de moestuin' })).toBeInTheDocument()
  })

  it('asks to sign in first', () => {
    stubApi({}, workerRoutes())
    renderWithProviders(<FollowUpsPage />, { path: '/worker/follow-ups' })
    expect(screen.getByRole('heading', { level: 1, name: 'Navragen' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=%2Fworker%2Ffollow-ups')
  })
})
