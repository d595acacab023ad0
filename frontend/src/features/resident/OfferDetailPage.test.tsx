import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { clockAt } from '../../test/clock'
import { offer, session, site } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { problem, stubApi, type Routes } from '../../test/stubApi'
import OfferDetailPage from './OfferDetailPage'

const tags = {
  items: [
    { id: 't1', kind: 'access', key: 'wheelchair_accessible', label_nl: 'Rolstoeltoegankelijk', label_en: 'Wheelchair accessible', retired: false },
    { id: 't2', kind: 'goal', key: 'exercise', label_nl: 'Bewegen', label_en: 'Exercise', retired: false },
    { id: 't3', kind: 'language', key: 'nl', label_nl: 'Nederlands', label_en: 'Dutch', retired: false },
    { id: 't4', kind: 'language', key: 'ar', label_nl: 'Arabisch', label_en: 'Arabic', retired: false },
  ],
}

const id = '01a21293-8713-72e5-a580-9c853e120158'
const route = { path: `/offers/${id}`, route: '/offers/:id' }

const organisationId = '01a21292-db00-7604-80d1-b89546b6c59a'
const organisation = {
  id: organisationId,
  name: 'Sportvereniging Emmerhout',
  kind: 'sports_club',
  description: 'Een club voor iedereen.',
  contact_email: 'info@sv-emmerhout.nl',
  contact_phone: '0591 123 456',
  website: 'https://sv-emmerhout.nl',
  district_ids: [],
  status: 'verified',
}

/** The meetings of the coming weeks: Tuesday 5 January, and 12 January cancelled (10:00 to 11:30 Dutch time). */
const occurrences = {
  items: [
    { id: `${id}_20270112T0900Z`, starts_at: '2027-01-12T09:00:00Z', ends_at: '2027-01-12T10:30:00Z', cancelled: true, reason: 'Het sportpark is dicht.' },
    { id: `${id}_20270105T0900Z`, starts_at: '2027-01-05T09:00:00Z', ends_at: '2027-01-05T10:30:00Z', cancelled: false, reason: null },
  ],
}

/**
 * The offer (`overrides` changed), the tags, its meetings, its organisation and the site settings; `signup` answers
 * the sign-up. Returns the bodies sent to sign up, and all calls.
 */
function stubOffer(signup: Response, overrides: Parameters<typeof offer>[0] = {}, tileUrl: string | null = null, extra: Routes = {}) {
  const calls = stubApi({
    ...extra,
    'GET /api/v1/tags': tags,
    'GET /api/v1/site': site({}, { tile_url: tileUrl, attribution: 'Kaartgegevens © Kadaster' }),
    [`GET /api/v1/offers/${id}`]: offer(overrides),
    [`GET /api/v1/offers/${id}/occurrences`]: occurrences,
    [`GET /api/v1/organisations/${organisationId}`]: organisation,
    [`POST /api/v1/offers/${id}/signups`]: signup,
  })
  const bodies = () => calls.filter((c) => c.method === 'POST').map((c) => c.body)
  return Object.assign(bodies, { calls })
}

/** The description (dd) of a term (dt) in the page's definition lists. */
function described(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' })
  const dd = dt.nextElementSibling
  if (!(dd instanceof HTMLElement)) throw new Error(`no description for ${term}`)
  return dd
}

// Monday 4 January 2027, 10:00 Dutch time: the page asks for the meetings from that day on.
clockAt('2027-01-04T09:00:00Z')

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

  it('shows a refusal in words, and for an unconfirmed address the way to a new link', async () => {
    setTokens({ access: 'a' })
    const { calls } = stubOffer(problem(403, 'email_not_verified'), {}, null, {
      'GET /api/v1/me': session({ email: 'nog@example.nl', email_verified: false }),
      'POST /api/v1/auth/verify-email/resend': { status: 'accepted' },
    })
    renderWithProviders(<OfferDetailPage />, route)
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Bevestig eerst je e-mailadres.')
    await userEvent.click(await screen.findByRole('button', { name: 'Stuur een nieuwe link naar nog@example.nl' }))
    expect(await screen.findByRole('status')).toHaveTextContent('We hebben een nieuwe link gestuurd naar nog@example.nl.')
    expect(calls.find((c) => c.path === '/api/v1/auth/verify-email/resend')?.body).toEqual({ email: 'nog@example.nl' })
  })

  it('says when: the weekly times, the coming dates with a cancelled one and its reason, and the period', async () => {
    const { calls } = stubOffer(jsonResponse({}), { start_date: '2027-01-05', end_date: '2027-06-29' })
    renderWithProviders(<OfferDetailPage />, route)
    const when = await screen.findByRole('region', { name: 'Wanneer' })
    expect(within(when).getByText('Elke dinsdag van 10:00 tot 11:30 uur')).toBeInTheDocument()
    expect(described('Van wanneer tot wanneer')).toHaveTextContent('Van 5 januari 2027 tot en met 29 juni 2027')

    expect(await within(when).findByText('Gaat niet door: Het sportpark is dicht.')).toBeInTheDocument()
    const dates = within(when)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('meedoen-occurrence')).map((li) => li.textContent)
    expect(dates).toEqual([
      'dinsdag 5 januari 2027, van 10:00 tot 11:30 uur',
      'dinsdag 12 januari 2027, van 10:00 tot 11:30 uur Gaat niet door: Het sportpark is dicht.',
    ])
    const asked = calls.find((c) => c.path.endsWith('/occurrences'))
    expect(new URLSearchParams(asked?.search).get('from')).toBe('2027-01-04')
    expect(new URLSearchParams(asked?.search).get('to')).toBe('2027-02-28')
  })

  it('lists the dated sessions of a course in order', async () => {
    stubOffer(jsonResponse({}), {
      weekly_slots: [],
      sessions: [
        { starts_at: '2027-02-02T18:00:00Z', ends_at: '2027-02-02T20:00:00Z' },
        { starts_at: '2027-01-26T18:00:00Z', ends_at: '2027-01-26T20:00:00Z' },
      ],
    })
    renderWithProviders(<OfferDetailPage />, route)
    await screen.findByText('Op deze dagen', { selector: 'dt' })
    const sessions = within(described('Op deze dagen')).getAllByRole('listitem')
    expect(sessions.map((li) => li.textContent)).toEqual(['dinsdag 26 januari 2027, van 19:00 tot 21:00 uur', 'dinsdag 2 februari 2027, van 19:00 tot 21:00 uur'])
    expect(screen.queryByText('Vraag de organisatie naar de tijden.')).not.toBeInTheDocument()
  })

  it('asks to contact the organisation when there are no times, and asks for no dates', async () => {
    const { calls } = stubOffer(jsonResponse({}), { weekly_slots: [], sessions: [] })
    renderWithProviders(<OfferDetailPage />, route)
    expect(await screen.findByText('Vraag de organisatie naar de tijden.')).toBeInTheDocument()
    expect(calls.some((c) => c.path.endsWith('/occurrences'))).toBe(false)
  })

  it('shows who organises it with the public contact details and a link to its page', async () => {
    stubOffer(jsonResponse({}))
    renderWithProviders(<OfferDetailPage />, route)
    const who = await screen.findByRole('region', { name: 'Wie organiseert het?' })
    expect(within(who).getByRole('link', { name: 'Sportvereniging Emmerhout' })).toHaveAttribute('href', `/organisaties/${organisationId}`)
    expect(await within(who).findByRole('link', { name: 'info@sv-emmerhout.nl' })).toHaveAttribute('href', 'mailto:info@sv-emmerhout.nl')
    expect(within(who).getByRole('link', { name: '0591 123 456' })).toHaveAttribute('href', 'tel:0591123456')
    expect(within(who).getByRole('link', { name: 'https://sv-emmerhout.nl' })).toHaveAttribute('href', 'https://sv-emmerhout.nl/')
  })

  it('says what it asks and gives in words', async () => {
    stubOffer(jsonResponse({}), { route: 'referral_required', language_buddy: true, languages: ['nl', 'ar'] })
    renderWithProviders(<OfferDetailPage />, route)
    await screen.findByRole('region', { name: 'Wat vraagt het en wat krijg je?' })
    expect(described('Nederlands')).toHaveTextContent('Je spreekt eenvoudige zinnen in het Nederlands (niveau A2).')
    expect(described('Taalmaatje')).toHaveTextContent('Er is een taalmaatje. Die helpt je met Nederlands.')
    expect(await screen.findByText('Nederlands, Arabisch')).toBeInTheDocument()
    expect(described('Begeleiding')).toHaveTextContent('Je krijgt een beetje hulp.')
    expect(described('Leeftijd')).toHaveTextContent('Vanaf 60 jaar')
    expect(described('Iemand meenemen')).toHaveTextContent(/^Je mag iemand meenemen/)
    expect(described('Aanmelden')).toHaveTextContent('Alleen via een wijkwerker. Vraag je wijkwerker om je aan te melden.')
    expect(described('Toegankelijkheid')).toHaveTextContent('Rolstoeltoegankelijk')
  })

  it('shows the address and no map when the site has no map tiles', async () => {
    const { calls } = stubOffer(jsonResponse({}), { latitude: 52.77, longitude: 6.93 })
    renderWithProviders(<OfferDetailPage />, route)
    const where = await screen.findByRole('region', { name: 'Waar' })
    expect(within(where).getByText('Sportpark Emmerhout, Houtweg 2, Emmen (wijk Emmerhout)')).toBeInTheDocument()
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/site')).toBe(true))
    // Let the site settings arrive, then: no map region, no Leaflet container.
    await screen.findByRole('link', { name: 'info@sv-emmerhout.nl' })
    expect(screen.queryByRole('region', { name: /Kaart/ })).not.toBeInTheDocument()
    expect(document.querySelector('.leaflet-container')).toBeNull()
  })

  it('shows a named map that is not a tab stop when the site has map tiles and the place has coordinates', async () => {
    stubOffer(jsonResponse({}), { latitude: 52.77, longitude: 6.93 }, 'https://tiles.example/{z}/{x}/{y}.png')
    renderWithProviders(<OfferDetailPage />, route)
    const map = await screen.findByRole('region', { name: 'Kaart met de plek van Walking football voor 60-plussers' })
    await waitFor(() => expect(map.querySelector('.leaflet-container')).not.toBeNull())
    expect(map.querySelector('.leaflet-container')).not.toHaveAttribute('tabindex')
    expect(within(map).getByRole('button', { name: 'Inzoomen' })).toBeInTheDocument()
    expect(map).toHaveTextContent('Kaartgegevens © Kadaster')
  })
})
