import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import RegisterPage from './RegisterPage'
import type { AttendanceLine, AttendanceRegister } from './types'

const occurrenceId = 'f1_20261208T090000Z'
const path = `/api/v1/occurrences/${occurrenceId}/attendance`
const member = session({ organisations: [{ id: 'o1', name: 'Sportvereniging Emmerhout', role: 'owner', status: 'verified' }] })

function line(signupId: string, name: string, extra: Partial<AttendanceLine> = {}): AttendanceLine {
  return {
    signup_id: signupId,
    display_name: name,
    with_companion: false,
    status: null,
    companion_present: null,
    hours: null,
    hours_set: false,
    excused_by_resident: false,
    recorded_at: null,
    ...extra,
  }
}

/** Ahmad comes with a companion, Ria said beforehand she cannot come, Sanne has nothing recorded yet. */
function register(overrides: Partial<AttendanceRegister> = {}): AttendanceRegister {
  return {
    offer_id: 'f1',
    offer_title: 'Walking football',
    occurrence: { id: occurrenceId, starts_at: '2026-12-08T09:00:00Z', ends_at: '2026-12-08T10:30:00Z', cancelled: false, reason: null },
    default_hours: 1.5,
    started: true,
    locked: false,
    locks_at: '2026-12-22T09:00:00Z',
    items: [
      line('s1', 'Ahmad', { with_companion: true }),
      line('s2', 'Ria', { status: 'excused', excused_by_resident: true, hours: 0, recorded_at: '2026-12-07T18:00:00Z' }),
      line('s3', 'Sanne'),
    ],
    ...overrides,
  }
}

function render(routes: Routes) {
  setTokens({ access: 'a' })
  const calls = stubApi({ 'GET /api/v1/me': member, ...routes })
  const { router } = renderWithProviders(<RegisterPage />, {
    path: `/organisation/occurrences/${occurrenceId}/attendance`,
    route: '/organisation/occurrences/:occurrenceId/attendance',
  })
  return { calls, router }
}

/** Whether closing or reloading the tab now would ask first: a beforeunload listener cancels the event. */
function closingTabAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

const person = (name: string) => screen.getByRole('group', { name })
const mark = (status: string, name: string) => screen.getByRole('button', { name: `${status}: ${name}` })

describe('RegisterPage', () => {
  it('shows the offer and the meeting in Dutch time, each person with three buttons, and who said they cannot come', async () => {
    render({ [`GET ${path}`]: register() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Presentie: Walking football dinsdag 8 december 2026, van 10:00 tot 11:30 uur' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Terug naar de aanmeldingen' })).toHaveAttribute('href', '/organisation/offers/f1/signups')
    expect(screen.getByRole('heading', { level: 2, name: 'De deelnemers (3)' })).toBeInTheDocument()
    expect(screen.getByText(/Je kunt de lijst veranderen tot 22 december 2026 om 10:00\./)).toBeInTheDocument()

    for (const status of ['Aanwezig', 'Afwezig', 'Afgemeld']) expect(mark(status, 'Sanne')).toHaveAttribute('aria-pressed', 'false')
    expect(mark('Afgemeld', 'Ria')).toHaveAttribute('aria-pressed', 'true')
    expect(within(person('Ria')).getByText('Heeft zich afgemeld.')).toBeInTheDocument()
    expect(person('Ria')).toHaveAccessibleDescription('Heeft zich afgemeld.')
    expect(within(person('Ahmad')).getByText('Komt met een begeleider.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Alle keren en cijfers van deze activiteit' })).toHaveAttribute('href', '/organisation/offers/f1/attendance')
  })

  it('marks one person, and "Iedereen aanwezig" marks only those without a choice', async () => {
    const { calls } = render({ [`GET ${path}`]: register() })
    await userEvent.click(await screen.findByRole('button', { name: 'Afwezig: Ahmad' }))
    expect(mark('Afwezig', 'Ahmad')).toHaveAttribute('aria-pressed', 'true')
    expect(mark('Aanwezig', 'Ahmad')).toHaveAttribute('aria-pressed', 'false')
    expect(screen.getByText('Je hebt je keuzes nog niet opgeslagen.')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Iedereen aanwezig' }))
    expect(mark('Aanwezig', 'Sanne')).toHaveAttribute('aria-pressed', 'true')
    expect(mark('Afwezig', 'Ahmad')).toHaveAttribute('aria-pressed', 'true')
    expect(mark('Afgemeld', 'Ria')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText('1 persoon staat nu op aanwezig. Vergeet niet op te slaan.')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Iedereen aanwezig' }))
    expect(screen.getByText('Iedereen heeft al een keuze. Er is niets veranderd.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([])
  })

  it('saves the whole list in one request, then shows the saved state and moves the focus to the message', async () => {
    const saved = register({
      items: [
        line('s1', 'Ahmad', { with_companion: true, status: 'present', companion_present: true, hours: 1.5, recorded_at: '2026-12-08T11:00:00Z' }),
        line('s2', 'Ria', { status: 'excused', excused_by_resident: true, hours: 0, recorded_at: '2026-12-07T18:00:00Z' }),
        line('s3', 'Sanne', { status: 'present', hours: 2.5, hours_set: true, recorded_at: '2026-12-08T11:00:00Z' }),
      ],
    })
    let current = register()
    const { calls } = render({
      [`GET ${path}`]: () => jsonResponse(current),
      [`PUT ${path}`]: () => {
        current = saved
        return jsonResponse(saved)
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Iedereen aanwezig' }))
    // A companion and other hours only for someone present.
    await userEvent.click(screen.getByRole('checkbox', { name: 'De begeleider van Ahmad was er ook' }))
    await userEvent.click(screen.getByRole('button', { name: 'Andere uren voor Sanne' }))
    expect(screen.getByRole('button', { name: 'Andere uren voor Sanne' })).toHaveAttribute('aria-expanded', 'true')
    const hours = screen.getByRole('textbox', { name: 'Uren van Sanne' })
    expect(hours).toHaveAccessibleDescription('Laat je dit leeg, dan telt 1,5 uur. Vul 0 tot 24 in, bijvoorbeeld 1,5.')
    await userEvent.type(hours, '2,5')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))

    const message = await screen.findByRole('status')
    expect(message).toHaveTextContent('De presentie is opgeslagen.')
    expect(message).toHaveTextContent('2 aanwezig, 0 afwezig, 1 afgemeld, 0 nog niet ingevuld.')
    await waitFor(() => expect(message.closest('.utrecht-alert')).toHaveFocus())
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      {
        items: [
          { signup_id: 's1', status: 'present', companion_present: true },
          { signup_id: 's2', status: 'excused' },
          { signup_id: 's3', status: 'present', hours: 2.5 },
        ],
      },
    ])
    // The saved state: the buttons, the companion and Sanne's hours as the server has them.
    expect(mark('Aanwezig', 'Ahmad')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('checkbox', { name: 'De begeleider van Ahmad was er ook' })).toBeChecked()
    expect(screen.getByRole('textbox', { name: 'Uren van Sanne' })).toHaveValue('2,5')
    expect(screen.queryByText('Je hebt je keuzes nog niet opgeslagen.')).not.toBeInTheDocument()
  })

  it('shows the server’s field errors next to the people they are about and in the summary, which takes the focus', async () => {
    const { calls } = render({
      [`GET ${path}`]: register(),
      [`PUT ${path}`]: problem(422, 'validation_failed', [
        { field: 'items[0].companion_present', code: 'companion_not_allowed' },
        { field: 'items[2].signup_id', code: 'not_a_participant' },
      ]),
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Iedereen aanwezig' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'De begeleider van Ahmad was er ook' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))

    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'De begeleider van Ahmad was er ook: Bij deze activiteit kan er niemand mee.',
      'Sanne: Deze persoon heeft geen plek (meer) bij deze activiteit. Laad de pagina opnieuw.',
    ])
    expect(person('Sanne')).toHaveAccessibleDescription(/^Deze persoon heeft geen plek \(meer\)/)
    expect(screen.getByRole('checkbox', { name: 'De begeleider van Ahmad was er ook' })).toHaveAttribute('aria-invalid', 'true')
    expect(person('Ria')).not.toHaveAccessibleDescription(/geen plek/)
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1)

    await userEvent.click(within(summary).getByRole('link', { name: /^Sanne:/ }))
    expect(mark('Aanwezig', 'Sanne')).toHaveFocus()
  })

  it('checks other hours before sending: 0 to 24', async () => {
    const { calls } = render({ [`GET ${path}`]: register() })
    await userEvent.click(await screen.findByRole('button', { name: 'Aanwezig: Sanne' }))
    await userEvent.click(screen.getByRole('button', { name: 'Andere uren voor Sanne' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Uren van Sanne' }), '30')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))

    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    expect(within(summary).getByRole('link', { name: 'Uren van Sanne: Vul 0 tot 24 uur in, bijvoorbeeld 1,5.' })).toHaveAttribute('href', '#hours-s3')
    expect(screen.getByRole('textbox', { name: 'Uren van Sanne' })).toHaveAttribute('aria-invalid', 'true')
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([])
  })

  it('says so and turns read-only at once when the register closed meanwhile (409)', async () => {
    // The two weeks ran out while the page was open: from then on the server has the register locked.
    let current = register()
    const { calls } = render({
      [`GET ${path}`]: () => jsonResponse(current),
      [`PUT ${path}`]: () => {
        current = register({ locked: true })
        return problem(409, 'attendance_locked')
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Aanwezig: Sanne' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Deze presentielijst is dicht. Twee weken na de activiteit kun je hem niet meer veranderen.')
    await waitFor(() => expect(alert.closest('.utrecht-alert')).toHaveFocus())

    // As a locked register from the server: the notice, no buttons, and the statuses as saved (Sanne's choice is gone).
    expect(screen.getByText(/^Deze lijst is dicht sinds 22 december 2026 om 10:00\./)).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'AhmadKomt met een begeleider.Nog niet ingevuld',
      'RiaHeeft zich afgemeld.Afgemeld',
      'SanneNog niet ingevuld',
    ])
    expect(screen.queryByText('Je hebt je keuzes nog niet opgeslagen.')).not.toBeInTheDocument()
    expect(closingTabAsks()).toBe(false)
    // The register is fetched again, for what others saved before it closed.
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.path === path)).toHaveLength(2))
    expect(screen.getByRole('alert')).toBe(alert)
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('warns about choices not saved yet: leaving the page asks first, and so does closing the tab', async () => {
    const saved = register({
      items: [
        line('s1', 'Ahmad', { with_companion: true }),
        line('s2', 'Ria', { status: 'excused', excused_by_resident: true, hours: 0, recorded_at: '2026-12-07T18:00:00Z' }),
        line('s3', 'Sanne', { status: 'present', hours: 1.5, recorded_at: '2026-12-08T11:00:00Z' }),
      ],
    })
    const { router } = render({ [`GET ${path}`]: register(), [`PUT ${path}`]: saved })
    const back = await screen.findByRole('link', { name: 'Terug naar de aanmeldingen' })
    // Nothing changed yet: no warning.
    expect(closingTabAsks()).toBe(false)

    await userEvent.click(mark('Aanwezig', 'Sanne'))
    expect(screen.getByText('Je hebt je keuzes nog niet opgeslagen.')).toBeInTheDocument()
    expect(closingTabAsks()).toBe(true)

    // A link out of the page asks first; staying keeps the choice, and the focus goes to the save button.
    await userEvent.click(back)
    const question = await screen.findByText('Wil je weggaan zonder op te slaan? Dan ben je je keuzes kwijt.')
    expect(question).toHaveFocus()
    expect(router.state.location.pathname).toBe(`/organisation/occurrences/${occurrenceId}/attendance`)
    await userEvent.click(screen.getByRole('button', { name: 'Nee, ik blijf hier' }))
    expect(question).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Opslaan' })).toHaveFocus()
    expect(mark('Aanwezig', 'Sanne')).toHaveAttribute('aria-pressed', 'true')
    expect(router.state.location.pathname).toBe(`/organisation/occurrences/${occurrenceId}/attendance`)

    // Saved: no warning any more, and the link simply goes.
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(await screen.findByRole('status')).toHaveTextContent('De presentie is opgeslagen.')
    expect(screen.queryByText('Je hebt je keuzes nog niet opgeslagen.')).not.toBeInTheDocument()
    expect(closingTabAsks()).toBe(false)
    await userEvent.click(back)
    expect(router.state.location.pathname).toBe('/organisation/offers/f1/signups')
  })

  it('leaves without saving when the member says so; Escape stays', async () => {
    const { calls, router } = render({ [`GET ${path}`]: register() })
    await userEvent.click(await screen.findByRole('button', { name: 'Afwezig: Ahmad' }))
    const back = screen.getByRole('link', { name: 'Terug naar de aanmeldingen' })

    await userEvent.click(back)
    expect(await screen.findByRole('group', { name: /Wil je weggaan zonder op te slaan\?/ })).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: /Wil je weggaan zonder op te slaan\?/ })).not.toBeInTheDocument()
    expect(router.state.location.pathname).toBe(`/organisation/occurrences/${occurrenceId}/attendance`)

    await userEvent.click(back)
    await userEvent.click(await screen.findByRole('button', { name: 'Ja, weggaan zonder opslaan' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/organisation/offers/f1/signups'))
    expect(closingTabAsks()).toBe(false)
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([])
  })

  it('only shows a locked register, with the reason in words', async () => {
    render({
      [`GET ${path}`]: register({
        locked: true,
        items: [
          line('s1', 'Ahmad', { with_companion: true, status: 'present', companion_present: true, hours: 1.5 }),
          line('s2', 'Ria', { status: 'excused', excused_by_resident: true, hours: 0 }),
          line('s3', 'Sanne'),
        ],
      }),
    })
    expect(await screen.findByText(/^Deze lijst is dicht sinds 22 december 2026 om 10:00\. Je kunt hem niet meer veranderen\./)).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    const items = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual([
      'AhmadAanwezig · 1,5 uurDe begeleider was er ook.',
      'RiaHeeft zich afgemeld.Afgemeld',
      'SanneNog niet ingevuld',
    ])
  })

  it('explains that a meeting that has not started can be filled in from the start', async () => {
    render({ [`GET ${path}`]: register({ started: false }) })
    expect(await screen.findByText('Deze keer is nog niet begonnen. Vanaf het begin kun je hier invullen wie er was.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Opslaan' })).not.toBeInTheDocument()
    expect(screen.getByText('Heeft zich afgemeld.')).toBeInTheDocument()
    expect(screen.queryByText('Nog niet ingevuld')).not.toBeInTheDocument()
  })

  it('says a cancelled meeting does not take place, with the reason', async () => {
    const cancelled = register().occurrence
    render({ [`GET ${path}`]: register({ occurrence: { ...cancelled, cancelled: true, reason: 'De zaal is dicht.' } }) })
    expect(await screen.findByText('Deze keer gaat niet door. Je hoeft niets in te vullen.')).toBeInTheDocument()
    expect(screen.getByText('Reden: De zaal is dicht.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Opslaan' })).not.toBeInTheDocument()
  })

  it('tells someone outside the organisation that they cannot see the register (403)', async () => {
    render({ [`GET ${path}`]: problem(403, 'not_a_member') })
    expect(await screen.findByText(/Daarom kun je deze presentielijst niet zien\./)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Presentie' })).toBeInTheDocument()
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en')
    render({ [`GET ${path}`]: register() })
    expect(await screen.findByRole('heading', { level: 1, name: 'Attendance: Walking football Tuesday 8 December 2026, 10:00 to 11:30' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Present: Sanne' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Everyone present' })).toBeInTheDocument()
  })
})
