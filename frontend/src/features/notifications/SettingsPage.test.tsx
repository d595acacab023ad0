import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setTokens } from '../../api/session'
import { session } from '../../test/fixtures'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { renderApp } from '../../test/renderApp'
import { problem, stubApi } from '../../test/stubApi'
import SettingsPage from './SettingsPage'
import type { NotificationSettings } from './types'

const DEFAULTS: NotificationSettings = { signup_alerts: 'immediately', reminders: true, weekly_digest: false, message_emails: true }
const MEMBER = session({ organisations: [{ id: 'o1', name: 'Sportclub', role: 'member', status: 'verified' }] })

function render() {
  return renderWithProviders(<SettingsPage />, { path: '/settings/notifications', route: '/settings/notifications' })
}

/** The PUT answers with what it got, as the server does. */
const echo = { 'PUT /api/v1/me/notifications': ({ body }: { body: unknown }) => jsonResponse(body) }

describe('SettingsPage', () => {
  it('shows a resident the defaults: reminders and message emails on, the Monday email off, no sign-up alerts', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session(), 'GET /api/v1/me/notifications': DEFAULTS })
    render()
    expect(screen.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeInTheDocument()
    const reminders = await screen.findByRole('checkbox', { name: 'Herinnering de dag voor een activiteit' })
    expect(reminders).toBeChecked()
    expect(reminders).toHaveAccessibleDescription(/^Dit staat aan, tenzij je het uitzet\./)
    expect(screen.getByRole('checkbox', { name: 'Elke maandag nieuwe activiteiten die bij je passen' })).not.toBeChecked()
    const messages = screen.getByRole('checkbox', { name: 'E-mail als iemand je een bericht stuurt' })
    expect(messages).toBeChecked()
    expect(messages).toHaveAccessibleDescription('Het bericht staat altijd in Meedoen, ook als je geen e-mail krijgt.')
    // Only for members of an organisation.
    expect(screen.queryByRole('group', { name: 'E-mail bij een nieuwe aanmelding' })).not.toBeInTheDocument()
    expect(screen.queryByRole('radio')).not.toBeInTheDocument()
    expect(document.title).toBe('Meldingen · Meedoen')
  })

  it('shows a member of an organisation how they hear about new sign-ups, and saves all four settings', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({ 'GET /api/v1/me': MEMBER, 'GET /api/v1/me/notifications': DEFAULTS, ...echo })
    render()
    const group = await screen.findByRole('group', { name: 'E-mail bij een nieuwe aanmelding' })
    expect(within(group).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual(['Meteen', 'Eén keer per dag (om 8 uur)', 'Nooit'])
    expect(within(group).getByRole('radio', { name: 'Meteen' })).toBeChecked()

    await userEvent.click(within(group).getByRole('radio', { name: 'Eén keer per dag (om 8 uur)' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Herinnering de dag voor een activiteit' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Elke maandag nieuwe activiteiten die bij je passen' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'E-mail als iemand je een bericht stuurt' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))

    const status = await screen.findByRole('status')
    expect(status).toHaveTextContent('Je keuzes zijn opgeslagen.')
    await waitFor(() => expect(status.closest('.utrecht-alert')).toHaveFocus())
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { signup_alerts: 'daily', reminders: false, weekly_digest: true, message_emails: false },
    ])
    expect(within(group).getByRole('radio', { name: 'Eén keer per dag (om 8 uur)' })).toBeChecked()
  })

  it('sends a resident’s sign-up alert setting back unchanged', async () => {
    setTokens({ access: 'a' })
    const calls = stubApi({ 'GET /api/v1/me': session(), 'GET /api/v1/me/notifications': { ...DEFAULTS, signup_alerts: 'off' }, ...echo })
    render()
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Elke maandag nieuwe activiteiten die bij je passen' }))
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(await screen.findByText('Je keuzes zijn opgeslagen.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ signup_alerts: 'off', reminders: true, weekly_digest: true, message_emails: true }])
  })

  it('shows a 422 next to its field and in the error summary, which takes the focus', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': MEMBER,
      'GET /api/v1/me/notifications': DEFAULTS,
      'PUT /api/v1/me/notifications': problem(422, 'validation_failed', [{ field: 'signup_alerts', code: 'invalid' }]),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: 'Opslaan' }))

    const summary = await screen.findByRole('alert', { name: 'Niet alles is goed ingevuld' })
    await waitFor(() => expect(summary).toHaveFocus())
    const link = within(summary).getByRole('link', { name: 'E-mail bij een nieuwe aanmelding: Dit klopt niet. Kijk het nog eens na.' })
    expect(link).toHaveAttribute('href', '#signup_alerts')
    expect(screen.getByRole('group', { name: 'E-mail bij een nieuwe aanmelding' })).toHaveAccessibleDescription(/Dit klopt niet\. Kijk het nog eens na\./)
    expect(screen.queryByText('Je keuzes zijn opgeslagen.')).not.toBeInTheDocument()
    await userEvent.click(link)
    expect(screen.getByRole('radio', { name: 'Meteen' })).toHaveFocus()
  })

  it('shows a problem with a field it does not show above the form', async () => {
    setTokens({ access: 'a' })
    stubApi({
      'GET /api/v1/me': session(),
      'GET /api/v1/me/notifications': DEFAULTS,
      'PUT /api/v1/me/notifications': problem(422, 'validation_failed', [{ field: 'signup_alerts', code: 'invalid' }]),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: 'Opslaan' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit klopt niet. Kijk het nog eens na.')
    expect(screen.queryByRole('alert', { name: 'Niet alles is goed ingevuld' })).not.toBeInTheDocument()
  })

  it('asks to sign in first, back to this page', () => {
    stubApi({})
    render()
    expect(screen.getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/login?next=/settings/notifications')
  })

  it('is in the menu of a signed-in person, in Dutch and English', async () => {
    setTokens({ access: 'a' })
    stubApi({ 'GET /api/v1/me': session(), 'GET /api/v1/me/notifications': DEFAULTS })
    renderApp('/settings/notifications')
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' })
    expect(await within(menu).findByRole('link', { name: 'Meldingen' })).toHaveAttribute('href', '/settings/notifications')
    expect(await screen.findByRole('checkbox', { name: 'Herinnering de dag voor een activiteit' })).toBeChecked()

    await userEvent.click(screen.getByRole('button', { name: 'English' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument()
    expect(within(menu).getByRole('link', { name: 'Notifications' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Reminder the day before an activity' })).toBeChecked()
  })
})
