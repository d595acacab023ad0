import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { districtTree, offer, session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { EditOfferPage, NewOfferPage } from './OfferFormPage'
import { toUtc } from './offerDraft'
import { problem, stubApi, type Call } from '../../test/stubApi'

const organisation = {
  id: 'o1',
  name: 'Sportclub',
  kind: 'sports_club',
  description: '',
  contact_email: 'info@club.nl',
  status: 'verified',
  district_ids: ['a1'],
}
const tags = {
  items: [
    { id: 't1', kind: 'access', key: 'wheelchair_accessible', label_nl: 'Toegankelijk met rolstoel', label_en: 'Wheelchair accessible', retired: false },
    { id: 't2', kind: 'skill', key: 'cooking', label_nl: 'Koken', label_en: 'Cooking', retired: false },
  ],
}
const base = {
  'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Sportclub', role: 'owner', status: 'verified' }] }),
  'GET /api/v1/organisations/o1': organisation,
  'GET /api/v1/districts': { items: districtTree },
  'GET /api/v1/tags': tags,
}

describe('OfferFormPage', () => {
  it('shows the server’s errors of nested fields next to their row and sends the schedule as numbers', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      ...base,
      'POST /api/v1/offers': problem(422, 'validation_failed', [
        { field: 'title', code: 'control_characters' },
        { field: 'weekly_slots[0]', code: 'invalid_slot' },
      ]),
    })
    renderWithProviders(<NewOfferPage />, { path: '/organisation/o1/offers/new', route: '/organisation/:id/offers/new' })
    // (Pasted rather than typed: long texts typed key by key make this test slow.)
    await userEvent.click(await screen.findByLabelText('Titel'))
    await userEvent.paste('Koffie')
    await userEvent.selectOptions(screen.getByLabelText('Soort activiteit'), 'volunteer_work')
    await userEvent.click(screen.getByLabelText('Beschrijving'))
    await userEvent.paste('Samen koffie drinken.')
    await userEvent.selectOptions(screen.getByLabelText('Wijk of dorp'), 'd1')
    await userEvent.type(screen.getByLabelText('Aantal plekken'), '1')
    await userEvent.click(screen.getByRole('button', { name: 'Tijd toevoegen' }))
    const slot = screen.getByRole('group', { name: 'Tijd 1' })
    await userEvent.selectOptions(within(slot).getByLabelText('Dag'), '2')
    await userEvent.type(within(slot).getByLabelText('Van'), '10:00')
    await userEvent.type(within(slot).getByLabelText('Tot'), '11:00')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Toegankelijk met rolstoel' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }))

    expect(await screen.findByText('Deze tijd klopt niet. Kies een dag en vul een begin- en eindtijd in. Het einde moet na het begin zijn.', { selector: '.meedoen-org-error' })).toBeInTheDocument()
    expect(slot).toHaveAccessibleDescription(/Deze tijd klopt niet/)
    expect(screen.getByLabelText('Titel')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Titel')).toHaveAccessibleDescription(/onzichtbaar stuurteken/)
    const summary = screen.getByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    expect(within(summary).getByRole('link', { name: /^Tijd 1: Deze tijd klopt niet/ })).toBeInTheDocument()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toMatchObject({
      organisation_id: 'o1',
      district_id: 'd1',
      kind: 'volunteer_work',
      title: 'Koffie',
      description: 'Samen koffie drinken.',
      capacity: 1,
      auto_accept: false,
      weekly_slots: [{ weekday: 2, start: '10:00', end: '11:00' }],
      access: ['wheelchair_accessible'],
      route: 'open',
      min_age: null,
    })
  })

  it('checks every required field before sending and lists all problems at once in the error summary', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi(base)
    renderWithProviders(<NewOfferPage />, { path: '/organisation/o1/offers/new', route: '/organisation/:id/offers/new' })
    await userEvent.type(await screen.findByLabelText('Aantal plekken'), 'tien')
    await userEvent.click(screen.getByRole('button', { name: 'Tijd toevoegen' }))
    const slot = screen.getByRole('group', { name: 'Tijd 1' })
    await userEvent.type(within(slot).getByLabelText('Van'), '10:00')
    await userEvent.type(within(slot).getByLabelText('Tot'), '09:00')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }))

    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent)
    expect(links).toEqual([
      'Titel: Vul dit in.',
      'Soort activiteit: Vul dit in.',
      'Beschrijving: Vul dit in.',
      'Wijk of dorp: Vul dit in.',
      'Aantal plekken: Vul een heel getal in, bijvoorbeeld 10.',
      'Tijd 1: Deze tijd klopt niet. Kies een dag en vul een begin- en eindtijd in. Het einde moet na het begin zijn.',
    ])
    for (const label of ['Titel', 'Soort activiteit', 'Beschrijving', 'Wijk of dorp', 'Aantal plekken']) {
      expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true')
    }
    expect(screen.getByLabelText('Aantal plekken')).toHaveAccessibleDescription(/Vul een heel getal in, bijvoorbeeld 10\./)
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    // Each link moves the focus to its field.
    await userEvent.click(within(summary).getByRole('link', { name: 'Wijk of dorp: Vul dit in.' }))
    expect(screen.getByLabelText('Wijk of dorp')).toHaveFocus()
    await userEvent.click(within(summary).getByRole('link', { name: /^Tijd 1:/ }))
    expect(within(slot).getByLabelText('Dag')).toHaveFocus()

    // Too short a title and a number out of range are caught too; the summary takes the focus again.
    await userEvent.type(screen.getByLabelText('Titel'), 'ab')
    await userEvent.clear(screen.getByLabelText('Aantal plekken'))
    await userEvent.type(screen.getByLabelText('Aantal plekken'), '0')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }))
    await waitFor(() => expect(screen.getByRole('alert', { name: 'Niet alles is goed ingevuld' })).toHaveFocus())
    expect(screen.getByRole('link', { name: 'Titel: Gebruik 3 tot 120 tekens.' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Aantal plekken: Vul een aantal van 1 tot 1000 in.' })).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('after publishing a new draft says only that it is published, not that it is a draft', async () => {
    setTokens({ access: 'a' })
    const draft = offer({ id: 'f1', organisation_id: 'o1', district_id: 'd1', status: 'draft', title: 'Koffie' })
    let current = draft
    stubApi({
      ...base,
      'GET /api/v1/offers/f1': () => jsonResponse(current),
      'POST /api/v1/offers/f1/publish': () => {
        current = { ...draft, status: 'published' }
        return jsonResponse(current)
      },
    })
    // Where the new-offer form goes after saving: the edit page, with `created` in the navigation state.
    renderWithProviders(<EditOfferPage />, { path: '/organisation/offers/f1/edit', route: '/organisation/offers/:offerId/edit', state: { created: true } })
    const created = 'De activiteit is opgeslagen als concept. Alleen jullie zien hem. Publiceer hem als hij klaar is.'
    expect(await screen.findByText(created)).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Koffie publiceren' }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }))
    expect(await screen.findByText('Koffie is gepubliceerd. Iedereen kan de activiteit nu zien.')).toBeInTheDocument()
    expect(screen.queryByText(created)).not.toBeInTheDocument()
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Koffie is gepubliceerd. Iedereen kan de activiteit nu zien.'])
  })

  it('edits an offer with a PATCH and publishes it after a confirmation', async () => {
    setTokens({ access: 'a' })
    const draft = offer({ id: 'f1', organisation_id: 'o1', district_id: 'd1', status: 'draft', title: 'Koffie' })
    const calls = stubApi({
      ...base,
      'GET /api/v1/offers/f1': draft,
      'PATCH /api/v1/offers/f1': (c: Call) => jsonResponse({ ...draft, ...(c.body as object) }),
      'POST /api/v1/offers/f1/publish': { ...draft, status: 'published' },
    })
    renderWithProviders(<EditOfferPage />, { path: '/organisation/offers/f1/edit', route: '/organisation/offers/:offerId/edit' })
    const capacity = await screen.findByLabelText('Aantal plekken')
    expect(capacity).toHaveValue('14')
    expect(within(screen.getByRole('group', { name: 'Tijd 1' })).getByLabelText('Van')).toHaveValue('10:00')
    await userEvent.clear(capacity)
    await userEvent.type(capacity, '20')
    await userEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }))
    expect(await screen.findByText('De wijzigingen zijn opgeslagen.')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ capacity: 20, weekly_slots: [{ weekday: 2, start: '10:00', end: '11:30' }] })

    await userEvent.click(screen.getByRole('button', { name: 'Koffie publiceren' }))
    expect(screen.getByText(/Na publiceren kan iedereen de activiteit zien/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }))
    expect(await screen.findByText('Koffie is gepubliceerd. Iedereen kan de activiteit nu zien.')).toBeInTheDocument()
    expect(calls.filter((c) => c.path === '/api/v1/offers/f1/publish')).toHaveLength(1)
  })

  it('turns a Dutch local date and time into UTC, in winter and in summer', () => {
    expect(toUtc('2027-01-12', '10:00')).toBe('2027-01-12T09:00:00Z')
    expect(toUtc('2027-06-12', '10:00')).toBe('2027-06-12T08:00:00Z')
    expect(toUtc('', '10:00')).toBeUndefined()
  })
})
