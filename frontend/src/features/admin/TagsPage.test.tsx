import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { jsonResponse, renderWithProviders } from '../../test/render'
import TagsPage from './TagsPage'
import { adminRoutes } from '../../test/fixtures'
import { setTokens } from '../../api/session'
import { problem, stubApi } from '../../test/stubApi'

const tags = {
  items: [
    { id: 't1', kind: 'interest', key: 'music', label_nl: 'Muziek', label_en: 'Music', retired: false },
    { id: 't2', kind: 'interest', key: 'old_one', label_nl: 'Oud label', label_en: 'Old label', retired: true },
    { id: 't3', kind: 'skill', key: 'cooking', label_nl: 'Koken', label_en: 'Cooking', retired: false },
  ],
}

// The admin pages are tried signed in (adminRoutes says with which roles).
beforeEach(() => setTokens({ access: 'a' }))

describe('TagsPage', () => {
  it('lists the labels of the kind in the URL, retired ones marked', async () => {
    const calls = stubApi({ 'GET /api/v1/tags': () => jsonResponse(tags) }, adminRoutes())
    renderWithProviders(<TagsPage />, { path: '/admin/tags?kind=interest' })
    expect(await screen.findByText('Muziek', { selector: '.admin-tree__name' })).toBeInTheDocument()
    expect(calls[0]).toMatchObject({ path: '/api/v1/tags', search: '?include_retired=true' })
    expect(screen.queryByText('Koken')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Wat je leuk vindt' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByText('uitgezet')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Uitzetten Oud label' })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Soort')).toHaveValue('interest')
  })

  it('shows the server’s key error next to the field, and a taken key too', async () => {
    let answer = problem(422, 'validation_failed', [{ field: 'key', code: 'invalid' }])
    const calls = stubApi({ 'GET /api/v1/tags': () => jsonResponse(tags), 'POST /api/v1/tags': () => answer }, adminRoutes())
    renderWithProviders(<TagsPage />, { path: '/admin/tags?kind=skill' })
    const form = await screen.findByRole('form', { name: 'Nieuw label toevoegen' })
    await userEvent.type(within(form).getByLabelText('Sleutel'), 'Fiets Maken')
    await userEvent.type(within(form).getByLabelText('Naam in het Nederlands'), 'Fietsen maken')
    await userEvent.type(within(form).getByLabelText('Naam in het Engels'), 'Bike repair')
    await userEvent.click(within(form).getByRole('button', { name: 'Label toevoegen' }))
    expect(await within(form).findByText('Gebruik 2 tot 40 kleine letters, cijfers of liggende streepjes (_). Begin met een letter.')).toBeInTheDocument()
    expect(within(form).getByLabelText('Sleutel')).toHaveAttribute('aria-invalid', 'true')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'skill', key: 'Fiets Maken', label_nl: 'Fietsen maken', label_en: 'Bike repair' })

    answer = problem(409, 'tag_exists')
    await userEvent.click(within(form).getByRole('button', { name: 'Label toevoegen' }))
    expect(await within(form).findByText('Er is al een label met deze sleutel bij deze soort. Kies een andere sleutel.')).toBeInTheDocument()
  })

  it('adds a label and retires one after a confirmation', async () => {
    const calls = stubApi(
      {
        'GET /api/v1/tags': () => jsonResponse(tags),
        'POST /api/v1/tags': () => jsonResponse({ id: 't9', kind: 'interest', key: 'bike_repair', label_nl: 'Fietsen maken', label_en: 'Bike repair', retired: false }, 201),
        'POST /api/v1/tags/t1/retire': () => jsonResponse({ ...tags.items[0], retired: true }),
      },
      adminRoutes(),
    )
    renderWithProviders(<TagsPage />, { path: '/admin/tags?kind=interest' })
    const form = await screen.findByRole('form', { name: 'Nieuw label toevoegen' })
    await userEvent.type(within(form).getByLabelText('Sleutel'), 'bike_repair')
    await userEvent.type(within(form).getByLabelText('Naam in het Nederlands'), 'Fietsen maken')
    await userEvent.type(within(form).getByLabelText('Naam in het Engels'), 'Bike repair')
    await userEvent.click(within(form).getByRole('button', { name: 'Label toevoegen' }))
    expect(await within(form).findByRole('status')).toHaveTextContent('Het label "Fietsen maken" is toegevoegd.')
    expect(within(form).getByLabelText('Sleutel')).toHaveValue('')

    await userEvent.click(await screen.findByRole('button', { name: 'Uitzetten Muziek' }))
    const confirm = screen.getByRole('group', { name: 'Wil je het label "Muziek" uitzetten?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, "Muziek" uitzetten' }))
    expect(await screen.findByText('Het label "Muziek" is uitgezet.')).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/tags/t1/retire')).toBe(true)
  })

  it('puts the server’s field errors in an error summary whose links lead to the fields', async () => {
    stubApi(
      {
        'GET /api/v1/tags': () => jsonResponse(tags),
        'POST /api/v1/tags': problem(422, 'validation_failed', [
          { field: 'key', code: 'invalid' },
          { field: 'label_en', code: 'invalid' },
        ]),
      },
      adminRoutes(),
    )
    renderWithProviders(<TagsPage />, { path: '/admin/tags?kind=skill' })
    const form = await screen.findByRole('form', { name: 'Nieuw label toevoegen' })
    await userEvent.click(within(form).getByRole('button', { name: 'Label toevoegen' }))
    const summary = await within(form).findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    await userEvent.click(within(summary).getByRole('link', { name: 'Naam in het Engels: Vul een naam in van hoogstens 60 tekens.' }))
    expect(within(form).getByLabelText('Naam in het Engels')).toHaveFocus()
    expect(within(summary).getByRole('link', { name: /^Sleutel: Gebruik 2 tot 40 kleine letters/ })).toHaveAttribute('href', '#tag-key')
  })
})
