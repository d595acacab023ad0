import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { i18n } from '../../i18n'
import { EXCLUSION_CODES } from '../../lib/obstacles'
import { offer, residentProfile, WORKER_SESSION, workerRoutes } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { en, nl } from './i18n'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import AssignmentsPage from './AssignmentsPage'
import ReferralsPage from './ReferralsPage'
import ResidentPage from './ResidentPage'
import ResidentsPage from './ResidentsPage'
import WorkerHomePage from './WorkerHomePage'

const JAN = 'u-jan'
const jan = {
  id: JAN,
  display_name: 'Jan Bewoner',
  profile: residentProfile({
    interests: ['nature'],
    goals: ['daily_structure'],
    availability: [
      { weekday: 2, start: '08:00', end: '12:00' },
      { weekday: 4, start: '08:00', end: '17:00' },
      { weekday: 6, start: '10:00', end: '11:00' },
    ],
  }),
}
const moestuin = offer({ id: 'o1', title: 'Meewerken in de moestuin', district_name: 'Emmermeer' })
const recs = {
  profile_completed: true,
  items: [
    {
      offer: moestuin,
      score: 0.7234,
      proposed: false,
      reasons: [
        { code: 'skill_match', tag: 'gardening' },
        { code: 'fits_availability', weekday: 2, start: '10:00', end: '12:00' },
      ],
    },
  ],
}

function signedIn() {
  setTokens({ access: 'a' })
}

describe('worker access', () => {
  it('asks signed-out visitors to sign in', () => {
    stubApi({}, workerRoutes())
    renderWithProviders(<WorkerHomePage />, { path: '/worker' })
    expect(screen.getByRole('heading', { level: 1, name: 'Wijkwerk' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=%2Fworker')
  })

  it('explains to a resident that the page is for workers, without asking for worker data', async () => {
    signedIn()
    const calls = stubApi({}, workerRoutes({ ...WORKER_SESSION, roles: ['resident'] }))
    renderWithProviders(<ResidentsPage />)
    expect(await screen.findByText('Deze pagina is voor wijkwerkers. Je account is geen wijkwerker-account.')).toBeInTheDocument()
    expect(calls.filter((c) => c.path.startsWith('/api/v1/worker'))).toEqual([])
  })

  it('shows my districts with the districts in them', async () => {
    signedIn()
    stubApi({}, workerRoutes())
    renderWithProviders(<WorkerHomePage />)
    expect(await screen.findByText('Emmen Noord')).toBeInTheDocument()
    expect(await screen.findByText('Met de wijken: Emmerhout')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Bewoners zoeken' })).toHaveAttribute('href', '/worker/residents')
    expect(screen.getByRole('link', { name: 'Voorstellen maken voor een hele wijk' })).toHaveAttribute('href', '/worker/assignments')
    expect(screen.getByRole('link', { name: 'Mijn voorstellen' })).toHaveAttribute('href', '/worker/referrals')
    expect(screen.getByRole('link', { name: 'Navragen' })).toHaveAttribute('href', '/worker/follow-ups')
  })
})

describe('ResidentsPage', () => {
  it('searches by name and district, and loads more with the cursor', async () => {
    signedIn()
    const calls = stubApi(
      {
        'GET /api/v1/worker/residents': (c) =>
          c.search.includes('cursor=next')
            ? jsonResponse({ items: [{ id: 'u2', display_name: 'Jan Tweede', district_id: null, district_name: null }], next_cursor: null })
            : jsonResponse({ items: [{ id: JAN, display_name: 'Jan Bewoner', district_id: 'd1', district_name: 'Emmerhout' }], next_cursor: 'next' }),
      },
      workerRoutes(),
    )
    renderWithProviders(<ResidentsPage />, { path: '/worker/residents' })
    expect(await screen.findByRole('link', { name: 'Jan Bewoner' })).toHaveAttribute('href', `/worker/residents/${JAN}`)
    expect(screen.getByText('Woont in Emmerhout')).toBeInTheDocument()
    // The select offers my area and the districts in it.
    const select = screen.getByLabelText('Wijk')
    expect(await within(select).findByRole('option', { name: /Emmerhout/ })).toBeInTheDocument()
    await userEvent.selectOptions(select, 'd1')
    await userEvent.type(screen.getByLabelText('Naam'), 'jan')
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }))
    await screen.findByRole('link', { name: 'Jan Bewoner' })
    expect(calls.map((c) => c.search)).toContain('?district=d1&q=jan')
    await userEvent.click(screen.getByRole('button', { name: 'Meer bewoners laden' }))
    expect(await screen.findByRole('link', { name: 'Jan Tweede' })).toBeInTheDocument()
    expect(screen.getByText('Geen wijk ingevuld')).toBeInTheDocument()
  })

  it('says nobody was found', async () => {
    signedIn()
    stubApi({ 'GET /api/v1/worker/residents': jsonResponse({ items: [], next_cursor: null }) }, workerRoutes())
    renderWithProviders(<ResidentsPage />, { path: '/worker/residents?q=Piet' })
    expect(await screen.findByText('Niemand gevonden')).toBeInTheDocument()
  })
})

describe('ResidentPage', () => {
  function renderJan(answers: Routes = {}) {
    signedIn()
    const calls = stubApi(
      {
        [`GET /api/v1/worker/residents/${JAN}`]: jsonResponse(jan),
        [`GET /api/v1/worker/residents/${JAN}/recommendations`]: jsonResponse(recs),
        ...answers,
      },
      workerRoutes(),
    )
    renderWithProviders(<ResidentPage />, { path: `/worker/residents/${JAN}`, route: '/worker/residents/:id' })
    return calls
  }

  it('shows the profile in words and the ranked offers with reasons and the fit', async () => {
    renderJan()
    expect(await screen.findByRole('heading', { level: 1, name: 'Jan Bewoner' })).toBeInTheDocument()
    expect(screen.getByText('Jan Bewoner ziet bij “Wie keek er mee” dat jij dit profiel en deze activiteiten hebt bekeken.')).toBeInTheDocument()
    expect(screen.getByText('Tuinieren')).toBeInTheDocument()
    expect(screen.getByText('Ritme in de week')).toBeInTheDocument()
    expect(screen.getByText('dinsdag: ochtend')).toBeInTheDocument()
    expect(screen.getByText('donderdag: ochtend, middag')).toBeInTheDocument()
    expect(screen.getByText('Elke zaterdag van 10:00 tot 11:00 uur')).toBeInTheDocument()
    expect(screen.getByText('Wil een beetje hulp')).toBeInTheDocument()
    expect(screen.getByText('Goed (B2)')).toBeInTheDocument()
    expect(screen.getByText('In de eigen wijk en de wijken vlakbij')).toBeInTheDocument()
    expect(screen.getByText('Niets ingevuld')).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Meewerken in de moestuin' })).toBeInTheDocument()
    expect(screen.getByText('Past heel goed (72%)')).toBeInTheDocument()
    expect(screen.getByText('Je kunt hier laten zien wat je kunt: tuinieren.')).toBeInTheDocument()
  })

  it('refers with a note and says it was sent', async () => {
    const calls = renderJan({ 'POST /api/v1/referrals': jsonResponse({ id: 'r1', status: 'proposed' }, 201) })
    const open = await screen.findByRole('button', { name: 'Voorstellen aan Jan Bewoner: Meewerken in de moestuin' })
    expect(open).toHaveTextContent('Voorstellen aan Jan Bewoner')
    await userEvent.click(open)
    expect(open).toHaveAttribute('aria-expanded', 'true')
    await userEvent.type(screen.getByLabelText('Notitie voor Jan Bewoner (mag leeg blijven)'), 'Iets voor jou!')
    await userEvent.click(screen.getByRole('button', { name: 'Voorstel versturen aan Jan Bewoner: Meewerken in de moestuin' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Je voorstel is verstuurd. Jan Bewoner krijgt een e-mail')
    expect(calls.filter((c) => c.method === 'POST')).toMatchObject([
      { method: 'POST', path: '/api/v1/referrals', search: '', body: { resident_id: JAN, offer_id: 'o1', note: 'Iets voor jou!' } },
    ])
  })

  it('shows a duplicate as a clear message and a too long note next to the field', async () => {
    let n = 0
    renderJan({
      'POST /api/v1/referrals': () => (n++ === 0 ? problem(409, 'referral_exists') : problem(422, 'validation_failed', [{ field: 'note', code: 'too_long' }])),
    })
    await userEvent.click(await screen.findByRole('button', { name: /^Voorstellen aan Jan Bewoner/ }))
    await userEvent.click(screen.getByRole('button', { name: /^Voorstel versturen/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Je hebt deze activiteit al aan Jan Bewoner voorgesteld. Jan Bewoner heeft nog niet geantwoord.')
    await userEvent.click(screen.getByRole('button', { name: /^Voorstel versturen/ }))
    expect(await screen.findByText('Dit is te lang. Maak het korter.')).toBeInTheDocument()
    expect(screen.getByLabelText('Notitie voor Jan Bewoner (mag leeg blijven)')).toHaveAttribute('aria-invalid', 'true')
  })

  it('says so when the resident is not visible (404)', async () => {
    signedIn()
    stubApi({}, workerRoutes())
    renderWithProviders(<ResidentPage />, { path: '/worker/residents/x', route: '/worker/residents/:id' })
    expect(await screen.findByRole('alert')).toHaveTextContent('We kunnen deze bewoner niet vinden.')
    expect(screen.getByRole('heading', { level: 1, name: 'Bewoner' })).toBeInTheDocument()
  })
})

describe('AssignmentsPage', () => {
  const proposals = {
    total_score: 1.4,
    proposals: [
      { resident_id: JAN, display_name: 'Jan Bewoner', offer_id: 'o1', offer_title: 'Meewerken in de moestuin', score: 0.8, reasons: [{ code: 'same_district' }] },
      { resident_id: 'u2', display_name: 'Sanne de Vries', offer_id: 'o2', offer_title: 'Wandelgroep', score: 0.6, reasons: [] },
    ],
    unmatched: [
      { resident_id: 'u3', display_name: 'Ahmad Karimi', reason: 'no_fitting_offer', obstacle: { code: 'dutch_level_too_low' } },
      { resident_id: 'u4', display_name: 'Ria Jansen', reason: 'no_free_place', obstacle: null },
      { resident_id: 'u5', display_name: 'Kim', reason: 'no_fitting_offer', obstacle: { code: 'access_not_met', tag: 'wheelchair_accessible' } },
      { resident_id: 'u6', display_name: 'Piet', reason: 'proposal_open', obstacle: null },
      { resident_id: 'u7', display_name: 'Ria', reason: 'placed', obstacle: null },
    ],
  }

  it('makes proposals, sends the checked ones with one note and shows the count', async () => {
    signedIn()
    const calls = stubApi(
      {
        'POST /api/v1/worker/assignments': jsonResponse(proposals),
        'POST /api/v1/worker/assignments/confirm': jsonResponse({ items: [{ id: 'r2', status: 'proposed' }] }, 201),
      },
      workerRoutes(),
    )
    renderWithProviders(<AssignmentsPage />)
    const make = await screen.findByRole('button', { name: 'Voorstellen maken' })
    await within(await screen.findByLabelText('Wijk of gebied')).findByRole('option', { name: 'Emmen Noord' })
    await userEvent.click(make)
    const jan = await screen.findByRole('checkbox', { name: 'Jan Bewoner: Meewerken in de moestuin' })
    const sanne = screen.getByRole('checkbox', { name: 'Sanne de Vries: Wandelgroep' })
    expect(jan).toBeChecked()
    expect(sanne).toBeChecked()
    expect(screen.getByText('Het is in je eigen wijk.')).toBeInTheDocument()
    expect(screen.getByText('Er is geen activiteit die past. De meeste reden: er is meer Nederlands nodig dan de bewoner nu spreekt.')).toBeInTheDocument()
    expect(screen.getByText('De activiteiten die passen zijn vol, of gaan naar iemand voor wie ze nog beter passen.')).toBeInTheDocument()
    expect(screen.getByText('Er is geen activiteit die past. De meeste reden: er is niet wat deze bewoner nodig heeft (Rolstoeltoegankelijk).')).toBeInTheDocument()
    expect(screen.getByText('Er ligt al een voorstel. We wachten op het antwoord.')).toBeInTheDocument()
    expect(screen.getByText('Doet al mee via een eerder voorstel.')).toBeInTheDocument()
    expect(screen.getByText('2 voorstellen gekozen.')).toBeInTheDocument()

    await userEvent.click(jan)
    expect(screen.getByText('1 voorstel gekozen.')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Notitie voor alle bewoners (mag leeg blijven)'), 'Groeten')
    await userEvent.click(screen.getByRole('button', { name: 'Geselecteerde voorstellen versturen' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Gelukt. Er is 1 voorstel verstuurd.')
    expect(screen.getByRole('link', { name: 'Bekijk mijn voorstellen' })).toHaveAttribute('href', '/worker/referrals')
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/worker/assignments', { district_id: 'a1' }],
      ['/api/v1/worker/assignments/confirm', { items: [{ resident_id: 'u2', offer_id: 'o2' }], note: 'Groeten' }],
    ])
  })

  it('asks to choose at least one, and explains a conflict', async () => {
    signedIn()
    stubApi(
      {
        'POST /api/v1/worker/assignments': jsonResponse(proposals),
        'POST /api/v1/worker/assignments/confirm': problem(409, 'referral_exists'),
      },
      workerRoutes(),
    )
    renderWithProviders(<AssignmentsPage />)
    await within(await screen.findByLabelText('Wijk of gebied')).findByRole('option', { name: 'Emmen Noord' })
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen maken' }))
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Jan Bewoner: Meewerken in de moestuin' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sanne de Vries: Wandelgroep' }))
    await userEvent.click(screen.getByRole('button', { name: 'Geselecteerde voorstellen versturen' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Kies minstens één voorstel.')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sanne de Vries: Wandelgroep' }))
    await userEvent.click(screen.getByRole('button', { name: 'Geselecteerde voorstellen versturen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Er is niets verstuurd. Maak de voorstellen opnieuw.')
  })

  it('handles a district without residents', async () => {
    signedIn()
    stubApi({ 'POST /api/v1/worker/assignments': jsonResponse({ proposals: [], unmatched: [], total_score: 0 }) }, workerRoutes())
    renderWithProviders(<AssignmentsPage />)
    await within(await screen.findByLabelText('Wijk of gebied')).findByRole('option', { name: 'Emmen Noord' })
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen maken' }))
    expect(await screen.findByText('In deze wijk zijn geen bewoners die ja hebben gezegd.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Geselecteerde voorstellen versturen' })).not.toBeInTheDocument()
  })

  it('shows a district that is not mine as a clear message', async () => {
    signedIn()
    stubApi({ 'POST /api/v1/worker/assignments': problem(403, 'district_not_assigned') }, workerRoutes())
    renderWithProviders(<AssignmentsPage />)
    await within(await screen.findByLabelText('Wijk of gebied')).findByRole('option', { name: 'Emmen Noord' })
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen maken' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit is niet een van jouw wijken.')
  })
})

describe('ReferralsPage', () => {
  it('shows each referral with its outcome in words', async () => {
    signedIn()
    stubApi(
      {
        'GET /api/v1/worker/referrals': jsonResponse({
          items: [
            {
              id: 'r1',
              status: 'declined',
              resident_id: JAN,
              resident_display_name: 'Jan Bewoner',
              offer_id: 'o1',
              offer_title: 'Meewerken in de moestuin',
              note: 'Iets voor jou',
              decline_reason: 'Geen tijd.',
              signup_id: null,
              signup_status: null,
              milestones: [],
              outcome: null,
              outcome_reason: null,
              closed_at: null,
              created_at: '2026-11-26T09:20:41Z',
              updated_at: '2026-11-26T09:20:41Z',
            },
            {
              id: 'r2',
              status: 'accepted',
              resident_id: 'u2',
              resident_display_name: 'Sanne de Vries',
              offer_id: 'o2',
              offer_title: 'Wandelgroep',
              note: null,
              decline_reason: null,
              signup_id: 's1',
              signup_status: 'waitlisted',
              milestones: [
                { kind: 'started', due: '2026-12-17T09:20:41Z', reached_at: '2026-12-01T09:00:00Z', state: 'reached' },
                { kind: 'week_4', due: '2026-12-29T09:00:00Z', reached_at: null, state: 'upcoming' },
                { kind: 'week_12', due: '2027-02-23T09:00:00Z', reached_at: null, state: 'upcoming' },
              ],
              outcome: null,
              outcome_reason: null,
              closed_at: null,
              created_at: '2026-11-26T09:20:41Z',
              updated_at: '2026-11-26T09:20:41Z',
            },
          ],
          next_cursor: null,
        }),
      },
      workerRoutes(),
    )
    renderWithProviders(<ReferralsPage />)
    const first = (await screen.findByRole('heading', { name: 'Meewerken in de moestuin' })).closest('li')!
    expect(first).toHaveTextContent('Voor Jan Bewoner')
    expect(first).toHaveTextContent('Nee gezegd')
    expect(first).toHaveTextContent('Geen tijd.')
    expect(first).toHaveTextContent('Iets voor jou')
    expect(first).toHaveTextContent('26 november 2026')
    const second = screen.getByRole('heading', { name: 'Wandelgroep' }).closest('li')!
    expect(second).toHaveTextContent('Ja gezegd')
    expect(second).toHaveTextContent('Op de wachtlijst')
    // The milestones of the accepted one, in words; none for the declined one.
    expect(within(within(second).getByRole('list', { name: 'Voortgang' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓Begin: Begonnen op 1 december 2026.',
      '○Na 4 weken: Rond 29 december 2026.',
      '○Na 12 weken: Rond 23 februari 2027.',
    ])
    expect(within(first).queryByRole('list', { name: 'Voortgang' })).not.toBeInTheDocument()
    expect(within(first).getByRole('link', { name: 'Berichten met Jan Bewoner over Meewerken in de moestuin' })).toHaveAttribute('href', '/conversations/referral/r1')
    expect(within(second).getByRole('link', { name: 'Berichten met Sanne de Vries over Wandelgroep' })).toHaveAttribute('href', '/conversations/referral/r2')
  })

  it('says when there are none yet', async () => {
    signedIn()
    stubApi({ 'GET /api/v1/worker/referrals': jsonResponse({ items: [], next_cursor: null }) }, workerRoutes())
    renderWithProviders(<ReferralsPage />)
    expect(await screen.findByText('Je hebt nog geen voorstellen gedaan.')).toBeInTheDocument()
  })
})

describe('worker texts', () => {
  it('has a Dutch and an English text for every obstacle the server can name', async () => {
    for (const code of EXCLUSION_CODES) {
      expect(nl.assign.obstacle[code]).toBeTruthy()
      expect(en.assign.obstacle[code]).toBeTruthy()
    }
    await i18n.changeLanguage('en')
    expect(i18n.t('worker.assign.obstacle.too_far')).toBe(en.assign.obstacle.too_far)
  })
})
