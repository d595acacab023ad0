import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { renderApp } from '../../test/renderApp'
import { problem, stubApi } from '../../test/stubApi'
import UnsubscribePage from './UnsubscribePage'

const token = 'dGhpcy1pcy1hLXRva2Vu'

function render() {
  return renderWithProviders(<UnsubscribePage />, { path: `/unsubscribe/${token}`, route: '/unsubscribe/:token' })
}

describe('UnsubscribePage', () => {
  it('says what stops without signing in, and turns it off only on the button; then confirms and links to the settings', async () => {
    let unsubscribed = false
    const calls = stubApi({
      [`GET /api/v1/unsubscribe/${token}`]: () => jsonResponse({ topic: 'reminders', unsubscribed }),
      [`POST /api/v1/unsubscribe/${token}`]: () => {
        unsubscribed = true
        return jsonResponse({ topic: 'reminders', unsubscribed: true })
      },
    })
    // The whole app, signed out: the page is public.
    renderApp(`/unsubscribe/${token}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Afmelden voor e-mails' })).toBeInTheDocument()
    expect(await screen.findByText('Je meldt je af voor herinneringen de dag voor een activiteit.')).toBeInTheDocument()
    expect(screen.getByText('Je krijgt dan geen herinneringen meer de dag voor een activiteit.')).toBeInTheDocument()
    expect(screen.getByText('Andere e-mails van Meedoen krijg je gewoon nog.')).toBeInTheDocument()
    // Opening the page changes nothing (mail programs open links to check them).
    expect(calls.filter((c) => c.path.startsWith('/api/v1/unsubscribe')).map((c) => c.method)).toEqual(['GET'])

    await userEvent.click(screen.getByRole('button', { name: 'Afmelden' }))
    const done = await screen.findByRole('status')
    expect(done).toHaveTextContent('Je bent afgemeld. Je krijgt geen herinneringen meer.')
    await waitFor(() => expect(done.closest('.utrecht-alert')).toHaveFocus())
    expect(screen.getByRole('link', { name: 'Naar je meldingen' })).toHaveAttribute('href', '/settings/notifications')
    expect(screen.queryByRole('button', { name: 'Afmelden' })).not.toBeInTheDocument()
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts.map((c) => c.path)).toEqual([`/api/v1/unsubscribe/${token}`])
    expect(posts[0]?.body).toBeUndefined()
    expect(posts[0]?.authorization).toBe('')
  })

  it('says in words what each kind of email is', async () => {
    stubApi({ [`GET /api/v1/unsubscribe/${token}`]: { topic: 'messages', unsubscribed: false } })
    render()
    expect(await screen.findByText('Je meldt je af voor e-mails als iemand je een bericht stuurt.')).toBeInTheDocument()
    expect(screen.getByText('Je krijgt dan geen e-mail meer als iemand je een bericht stuurt. De berichten staan wel in Meedoen.')).toBeInTheDocument()
  })

  it('says so when the email is off already, without a button', async () => {
    const calls = stubApi({ [`GET /api/v1/unsubscribe/${token}`]: { topic: 'weekly_digest', unsubscribed: true } })
    render()
    expect(await screen.findByText('Je bent al afgemeld voor de e-mail op maandag met nieuwe activiteiten.')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Naar je meldingen' })).toHaveAttribute('href', '/settings/notifications')
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('explains an unknown or damaged link (404) instead of failing', async () => {
    const calls = stubApi({ [`GET /api/v1/unsubscribe/${token}`]: problem(404, 'not_found') })
    render()
    expect(await screen.findByText(/^Deze afmeldlink werkt niet\./)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Afmelden voor e-mails' })).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Naar je meldingen' })).toHaveAttribute('href', '/settings/notifications')
    expect(calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('shows another failure with a way to try again', async () => {
    stubApi({ [`GET /api/v1/unsubscribe/${token}`]: problem(503, 'service_unavailable') })
    render()
    // (Asked once more first, as the app asks again after a failure other than 404.)
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('Meedoen is even druk.')
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument()
  })

  it('speaks English too', async () => {
    await i18n.changeLanguage('en')
    stubApi({ [`GET /api/v1/unsubscribe/${token}`]: { topic: 'signup_alerts', unsubscribed: false } })
    render()
    expect(await screen.findByText('You are unsubscribing from emails about a new sign-up.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Unsubscribe' })).toBeInTheDocument()
  })
})
