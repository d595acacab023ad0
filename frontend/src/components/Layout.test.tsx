import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../api/session'
import { districtTree, offer, session } from '../test/fixtures'
import { renderApp } from '../test/renderApp'
import { stubApi } from '../test/stubApi'

const menu = () => screen.getByRole('navigation', { name: 'Hoofdmenu' })

describe('Layout', () => {
  it('shows "Mijn organisatie" only to members of an organisation', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session() })
    const { unmount } = renderApp('/')
    expect(await screen.findByText('Ingelogd als Kees')).toBeInTheDocument()
    expect(within(menu()).getByRole('link', { name: 'Mijn activiteiten' })).toBeInTheDocument()
    expect(within(menu()).queryByRole('link', { name: 'Mijn organisatie' })).not.toBeInTheDocument()
    unmount()

    stubApi({ 'GET /api/v1/me': session({ organisations: [{ id: 'o1', name: 'Sportclub', role: 'member', status: 'verified' }] }) })
    renderApp('/')
    expect(await within(menu()).findByRole('link', { name: 'Mijn organisatie' })).toHaveAttribute('href', '/organisation')
  })

  it('shows a monitor-only account the monitor and what works without the resident role, no resident pages', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session({ display_name: 'Raadslid', roles: ['monitor'] }) })
    const { unmount } = renderApp('/')
    expect(await screen.findByText('Ingelogd als Raadslid')).toBeInTheDocument()
    expect(within(menu()).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Activiteiten', '/offers'],
      ['Meldingen', '/settings/notifications'],
      ['Monitor', '/monitor'],
    ])
    unmount()

    // A resident has no monitor; a worker (their own districts) and an admin do.
    stubApi({ 'GET /api/v1/me': session() })
    const resident = renderApp('/')
    expect(await within(menu()).findByRole('link', { name: 'Mijn profiel' })).toBeInTheDocument()
    expect(within(menu()).queryByRole('link', { name: 'Monitor' })).not.toBeInTheDocument()
    resident.unmount()
    for (const roles of [['resident', 'worker'], ['resident', 'admin']] as const) {
      stubApi({ 'GET /api/v1/me': session({ roles: [...roles] }) })
      const view = renderApp('/')
      expect(await within(menu()).findByRole('link', { name: 'Monitor' })).toHaveAttribute('href', '/monitor')
      expect(within(menu()).getByRole('link', { name: 'Mijn profiel' })).toBeInTheDocument()
      view.unmount()
    }
  })

  it('moves the focus to the new page’s h1 after a route change, not on the first load', async () => {
    const { id, title } = offer()
    stubApi({
      'GET /api/v1/offers': { items: [], next_cursor: null },
      'GET /api/v1/districts': { items: districtTree },
      'GET /api/v1/tags': { items: [] },
      [`GET /api/v1/offers/${id}`]: offer(),
    })
    const { router } = renderApp('/')
    const home = screen.getByRole('heading', { level: 1, name: 'Meedoen in je wijk' })
    expect(home).not.toHaveFocus()

    await userEvent.click(within(menu()).getByRole('link', { name: 'Activiteiten' }))
    const offers = await screen.findByRole('heading', { level: 1, name: 'Activiteiten' })
    await waitFor(() => expect(offers).toHaveFocus())
    expect(offers).toHaveAttribute('tabindex', '-1')

    // A heading that only comes with the data still gets the focus.
    await act(() => router.navigate(`/offers/${id}`))
    const detail = await screen.findByRole('heading', { level: 1, name: title })
    await waitFor(() => expect(detail).toHaveFocus())

    // A change of the query string only (the filters) leaves the focus alone.
    const back = screen.getByRole('link', { name: 'Terug naar alle activiteiten' })
    back.focus()
    await act(() => router.navigate(`/offers/${id}?x=1`))
    expect(back).toHaveFocus()
  })
})
