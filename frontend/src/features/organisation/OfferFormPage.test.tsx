import { screen, within } from '@testing-library/react'
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
  it('shows errors of nested fields next to their row and sends the schedule as numbers', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({
      ...base,
      'POST /api/v1/offers': problem(422, 'validation_failed', [
        { field: 'title', code: 'invalid' },
        { field: 'weekly_slots[0]', code: 'invalid_slot' },
      ]),
    })
    renderWithProviders(<NewOfferPage />, { path: '/organisation/o1/offers/new', route: '/organisation/:id/offers/new' })
    await userEvent.selectOptions(await screen.findByLabelText('Soort activiteit'), 'volunteer_work')
    await userEvent.selectOptions(screen.getByLabelText('Wijk of dorp'), 'd1')
    await userEvent.type(screen.getByLabelText('Aantal plekken'), '1')
    await userEvent.click(screen.getByRole('button', { name: 'Tijd toevoegen' }))
    const slot = screen.getByRole('group', { name: 'Tijd 1' })
    await userEvent.selectOptions(within(slot).getByLabelText('Dag'), '2')
    await userEvent.type(within(slot).getByLabelText('Van'), '10:00')
    await userEvent.type(within(slot).getByLabelText('Tot'), '09:00')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Toegankelijk met rolstoel' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }))

    expect(await screen.findByText('Deze tijd klopt niet. Kies een dag en vul een begin- en eindtijd in. Het einde moet na het begin zijn.', { selector: '.meedoen-org-error' })).toBeInTheDocument()
    expect(slot).toHaveAccessibleDescription(/Deze tijd klopt niet/)
    expect(screen.getByLabelText('Titel')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Titel')).toHaveAccessibleDescription(/Vul dit in\./)
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toMatchObject({
      organisation_id: 'o1',
      district_id: 'd1',
      kind: 'volunteer_work',
      capacity: 1,
      auto_accept: false,
      weekly_slots: [{ weekday: 2, start: '10:00', end: '09:00' }],
      access: ['wheelchair_accessible'],
      route: 'open',
      min_age: null,
    })
  })

  it('checks the kind and a number that is no number before sending', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi(base)
    renderWithProviders(<NewOfferPage />, { path: '/organisation/o1/offers/new', route: '/organisation/:id/offers/new' })
    await userEvent.type(await screen.findByLabelText('Aantal plekken'), 'tien')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Aantal plekken: Vul een heel getal in, bijvoorbeeld 10.')
    expect(screen.getByLabelText('Aantal plekken')).toHaveAccessibleDescription(/Vul een heel getal in, bijvoorbeeld 10\./)
    expect(screen.getByLabelText('Soort activiteit')).toHaveAttribute('aria-invalid', 'true')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
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
