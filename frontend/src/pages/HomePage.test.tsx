import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../api/session'
import { session } from '../test/fixtures'
import { renderApp } from '../test/renderApp'
import { stubApi } from '../test/stubApi'

describe('HomePage', () => {
  it('offers an account and signing in to visitors', () => {
    stubApi({})
    renderApp('/')
    const main = within(screen.getByRole('main'))
    expect(main.getByRole('link', { name: 'Account maken' })).toHaveAttribute('href', '/register')
    expect(main.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login')
    expect(main.getByRole('link', { name: 'Je organisatie aanmelden' })).toHaveAttribute('href', '/organisation')
  })

  it('shows a signed-in resident their own pages instead of "Account maken · Inloggen"', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session() })
    renderApp('/')
    expect(await screen.findByText('Ingelogd als Kees')).toBeInTheDocument()
    const main = within(screen.getByRole('main'))
    expect(main.getByRole('heading', { level: 2, name: 'Jouw pagina’s' })).toBeInTheDocument()
    expect(main.getByRole('link', { name: 'Voor jou' })).toHaveAttribute('href', '/for-you')
    expect(main.getByRole('link', { name: 'Mijn activiteiten' })).toHaveAttribute('href', '/my-activities')
    expect(main.getByRole('link', { name: 'Mijn profiel' })).toHaveAttribute('href', '/profile')
    expect(main.queryByRole('link', { name: 'Account maken' })).not.toBeInTheDocument()
    expect(main.queryByRole('link', { name: 'Inloggen' })).not.toBeInTheDocument()
    // Not a member of any organisation: registering one starts here (the menu has no "Mijn organisatie").
    expect(main.getByRole('link', { name: 'Je organisatie aanmelden' })).toHaveAttribute('href', '/organisation')
  })

  it('shows a monitor-only account the monitor, not the resident pages', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session({ display_name: 'Raadslid', roles: ['monitor'] }) })
    renderApp('/')
    expect(await screen.findByText('Ingelogd als Raadslid')).toBeInTheDocument()
    const main = within(screen.getByRole('main'))
    expect(main.getByRole('link', { name: 'Monitor' })).toHaveAttribute('href', '/monitor')
    expect(main.queryByRole('link', { name: 'Voor jou' })).not.toBeInTheDocument()
    expect(main.queryByRole('link', { name: 'Mijn profiel' })).not.toBeInTheDocument()
  })
})
