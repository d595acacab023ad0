import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { site } from '../../test/fixtures'
import { renderApp } from '../../test/renderApp'
import { problem, stubApi } from '../../test/stubApi'
import { restoreTheme, themeOf } from './theme'

const footer = () => within(screen.getByRole('contentinfo'))

describe('the footer', () => {
  it('names the municipality with its contact details and links to the programme and the statements', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/')
    expect(await footer().findByText('Meedoen is een dienst van Gemeente Emmen.')).toBeInTheDocument()
    expect(footer().getByRole('heading', { level: 2, name: 'Contact' })).toBeInTheDocument()
    expect(footer().getByRole('link', { name: 'meedoen@emmen.nl' })).toHaveAttribute('href', 'mailto:meedoen@emmen.nl')
    expect(footer().getByRole('link', { name: '14 0591' })).toHaveAttribute('href', 'tel:140591')
    expect(footer().getByRole('link', { name: 'gemeente.emmen.nl' })).toHaveAttribute('href', 'https://gemeente.emmen.nl/')
    expect(footer().getByText('E-mail')).toBeInTheDocument()
    expect(footer().getByText('Telefoon')).toBeInTheDocument()
    const about = within(footer().getByRole('navigation', { name: 'Over deze website' }))
    expect(about.getByRole('link', { name: 'Programma op papier' })).toHaveAttribute('href', '/programma')
    expect(about.getByRole('link', { name: 'Privacyverklaring' })).toHaveAttribute('href', '/privacy')
    expect(about.getByRole('link', { name: 'Toegankelijkheid' })).toHaveAttribute('href', '/toegankelijkheid')
  })

  it('speaks English after the language switch', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/')
    await footer().findByText('Meedoen is een dienst van Gemeente Emmen.')
    await act(() => i18n.changeLanguage('en'))
    expect(footer().getByText('Meedoen is a service of Gemeente Emmen.')).toBeInTheDocument()
    expect(footer().getByText('Email')).toBeInTheDocument()
    expect(footer().getByText('Phone')).toBeInTheDocument()
    const about = within(footer().getByRole('navigation', { name: 'About this website' }))
    expect(about.getByRole('link', { name: 'Programme on paper' })).toHaveAttribute('href', '/programma')
    expect(about.getByRole('link', { name: 'Privacy statement' })).toHaveAttribute('href', '/privacy')
    expect(about.getByRole('link', { name: 'Accessibility' })).toHaveAttribute('href', '/toegankelijkheid')
  })

  it('leaves out what is not configured, and says "your municipality" while /site cannot be loaded', async () => {
    stubApi({ 'GET /api/v1/site': site({ contact_phone: null, website: null }) })
    const { unmount } = renderApp('/')
    expect(await footer().findByRole('link', { name: 'meedoen@emmen.nl' })).toBeInTheDocument()
    expect(footer().queryByText('Telefoon')).not.toBeInTheDocument()
    expect(footer().queryByText('Website')).not.toBeInTheDocument()
    unmount()

    const calls = stubApi({ 'GET /api/v1/site': problem(503, 'service_unavailable') })
    renderApp('/')
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/site')).toBe(true))
    expect(await footer().findByText('Meedoen is een dienst van je gemeente.')).toBeInTheDocument()
    expect(footer().queryByText('E-mail')).not.toBeInTheDocument()
    expect(footer().getByRole('link', { name: 'Toegankelijkheid' })).toBeInTheDocument()
  })
})

describe('the header', () => {
  it('shows the municipality’s logo with its name as the alt text, next to the name Meedoen', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/')
    const logo = await screen.findByRole('img', { name: 'Gemeente Emmen' })
    expect(logo).toHaveAttribute('src', '/themes/emmen/logo.svg')
    const home = screen.getByRole('link', { name: 'Gemeente Emmen Meedoen' })
    expect(home).toHaveAttribute('href', '/')
    expect(within(home).getByText('Meedoen')).toBeVisible()
  })

  it('shows the municipality’s name as text when it has no logo', async () => {
    stubApi({ 'GET /api/v1/site': site({ logo_url: null, name: 'Gemeente Den Helder' }) })
    renderApp('/')
    const home = await screen.findByRole('link', { name: 'Gemeente Den Helder Meedoen' })
    expect(within(home).queryByRole('img')).not.toBeInTheDocument()
  })

  it('puts the municipality’s name in the document title', async () => {
    stubApi({ 'GET /api/v1/site': site() })
    renderApp('/')
    await waitFor(() => expect(document.title).toBe('Meedoen in je wijk · Meedoen · Gemeente Emmen'))
  })
})

describe('the theme', () => {
  it('puts the token set from /site on the root element and remembers it for the next visit', async () => {
    document.documentElement.dataset.theme = 'meedoen'
    stubApi({ 'GET /api/v1/site': site({ theme: 'den-helder' }) })
    renderApp('/')
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-theme', 'den-helder'))
    expect(localStorage.getItem('meedoen.theme')).toBe('den-helder')

    document.documentElement.dataset.theme = 'meedoen'
    restoreTheme()
    expect(document.documentElement).toHaveAttribute('data-theme', 'den-helder')
  })

  it('falls back to Meedoen’s own colours for a theme this app does not know', async () => {
    document.documentElement.dataset.theme = 'emmen'
    stubApi({ 'GET /api/v1/site': site({ theme: 'utrecht' }) })
    renderApp('/')
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-theme', 'meedoen'))
    expect(themeOf('emmen')).toBe('emmen')
    expect(themeOf(undefined)).toBe('meedoen')
  })
})
