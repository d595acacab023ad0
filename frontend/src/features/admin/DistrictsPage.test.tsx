import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { jsonResponse, renderWithProviders } from '../../test/render'
import AdminHomePage from './AdminHomePage'
import DistrictsPage from './DistrictsPage'
import { adminRoutes } from '../../test/fixtures'
import { setTokens } from '../../api/session'
import { problem, stubApi } from '../../test/stubApi'

// The admin pages are tried signed in (adminRoutes says with which roles).
beforeEach(() => setTokens({ access: 'a' }))

describe('DistrictsPage', () => {
  it('shows the tree with retired districts marked and without actions', async () => {
    const calls = stubApi({}, adminRoutes())
    renderWithProviders(<DistrictsPage />)
    expect(await screen.findByText('Oud Emmen')).toBeInTheDocument()
    expect(calls[0]).toMatchObject({ path: '/api/v1/districts', search: '?include_retired=true' })
    expect(screen.getByText('Emmerhout', { selector: '.admin-tree__name' })).toBeInTheDocument()
    expect(screen.getByText(/Gemeente · code GM0114/)).toBeInTheDocument()
    expect(screen.getByText('opgeheven')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Opheffen Emmerhout' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Opheffen Oud Emmen' })).not.toBeInTheDocument()
  })

  it('shows the field errors of a 422 next to the fields, then adds the district', async () => {
    let fail = true
    const calls = stubApi(
      {
        'POST /api/v1/districts': () =>
          fail
            ? problem(422, 'validation_failed', [
                { field: 'name', code: 'invalid' },
                { field: 'code', code: 'invalid' },
              ])
            : jsonResponse({ id: 'd9', parent_id: 'a1', kind: 'district', name: 'Nieuwe wijk', code: null, retired: false }, 201),
      },
      adminRoutes(),
    )
    renderWithProviders(<DistrictsPage />)
    const form = await screen.findByRole('form', { name: 'Iets nieuws toevoegen' })
    await userEvent.selectOptions(within(form).getByLabelText('Hoort bij'), 'a1')
    await userEvent.type(within(form).getByLabelText('Code (mag leeg blijven)'), 'WK-1')
    await userEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }))
    expect(await within(form).findByText('Vul een naam in van hoogstens 100 tekens.')).toBeInTheDocument()
    expect(within(form).getByLabelText('Naam')).toHaveAttribute('aria-invalid', 'true')
    expect(within(form).getByText('Gebruik alleen letters en cijfers, hoogstens 20. Bijvoorbeeld WK011402.')).toBeInTheDocument()

    fail = false
    await userEvent.clear(within(form).getByLabelText('Code (mag leeg blijven)'))
    await userEvent.type(within(form).getByLabelText('Naam'), 'Nieuwe wijk')
    await userEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }))
    expect(await within(form).findByRole('status')).toHaveTextContent('Nieuwe wijk is toegevoegd.')
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts[1]?.body).toEqual({ kind: 'district', name: 'Nieuwe wijk', code: null, parent_id: 'a1' })
  })

  it('only offers municipalities as the parent of an area, and no parent for a municipality', async () => {
    stubApi({}, adminRoutes())
    renderWithProviders(<DistrictsPage />)
    const form = await screen.findByRole('form', { name: 'Iets nieuws toevoegen' })
    await userEvent.click(within(form).getByLabelText('Gebied'))
    const options = within(within(form).getByLabelText('Hoort bij')).getAllByRole('option')
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Kies waar het bij hoort', 'Emmen'])
    await userEvent.click(within(form).getByLabelText('Gemeente'))
    expect(within(form).queryByLabelText('Hoort bij')).not.toBeInTheDocument()
  })

  it('renames and retires after a confirmation', async () => {
    const calls = stubApi(
      {
        'PATCH /api/v1/districts/d1': () => jsonResponse({ id: 'd1', parent_id: 'a1', kind: 'district', name: 'Emmerhout-Zuid', code: 'WK1', retired: false }),
        'POST /api/v1/districts/d1/retire': () => jsonResponse({ id: 'd1', parent_id: 'a1', kind: 'district', name: 'Emmerhout', code: null, retired: true }),
      },
      adminRoutes(),
    )
    renderWithProviders(<DistrictsPage />)
    await screen.findByText('Oud Emmen')
    await userEvent.click(screen.getByRole('button', { name: 'Wijzigen Emmerhout' }))
    const edit = screen.getByRole('form', { name: 'Emmerhout wijzigen' })
    expect(within(edit).getByLabelText('Naam')).toHaveFocus()
    await userEvent.clear(within(edit).getByLabelText('Naam'))
    await userEvent.type(within(edit).getByLabelText('Naam'), 'Emmerhout-Zuid')
    await userEvent.type(within(edit).getByLabelText('Code (mag leeg blijven)'), 'WK1')
    await userEvent.click(within(edit).getByRole('button', { name: 'Opslaan' }))
    expect(await screen.findByText('De wijzigingen zijn opgeslagen.')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Emmerhout-Zuid', code: 'WK1' })

    await userEvent.click(screen.getByRole('button', { name: 'Opheffen Emmerhout' }))
    const confirm = screen.getByRole('group', { name: 'Wil je Emmerhout opheffen?' })
    expect(confirm).toHaveFocus()
    expect(confirm).toHaveTextContent('Alles wat er gebeurd is, blijft bewaard.')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, Emmerhout opheffen' }))
    expect(await screen.findByText('Emmerhout is opgeheven.')).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/districts/d1/retire')).toBe(true)
  })

  it('tells a resident that the page is for administrators, without asking the API', async () => {
    const calls = stubApi({}, adminRoutes(['resident']))
    renderWithProviders(<DistrictsPage />)
    expect(await screen.findByText('Deze pagina is alleen voor de beheerders van de gemeente. Jouw account kan hier niet bij.')).toBeInTheDocument()
    expect(calls).toEqual([])
  })
})

describe('AdminHomePage', () => {
  it('links to the four parts', async () => {
    stubApi({}, adminRoutes())
    renderWithProviders(<AdminHomePage />)
    expect(await screen.findByRole('link', { name: 'Wijken en gebieden' })).toHaveAttribute('href', '/admin/districts')
    expect(screen.getByRole('link', { name: 'Labels' })).toHaveAttribute('href', '/admin/tags')
    expect(screen.getByRole('link', { name: 'Organisaties controleren' })).toHaveAttribute('href', '/admin/organisations')
    expect(screen.getByRole('link', { name: 'Wijkwerkers' })).toHaveAttribute('href', '/admin/workers')
  })

  it('asks signed-out visitors to sign in', () => {
    setTokens(null)
    renderWithProviders(<AdminHomePage />, { path: '/admin' })
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=%2Fadmin')
  })
})
