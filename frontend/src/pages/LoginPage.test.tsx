import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { getTokens } from '../api/session'
import { renderWithProviders } from '../test/render'
import { problem, stubApi } from '../test/stubApi'
import LoginPage from './LoginPage'

describe('LoginPage', () => {
  it('shows a field error from a 422 problem response next to the field', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(422, 'validation_failed', [{ field: 'email', code: 'invalid_email' }]) })
    renderWithProviders(<LoginPage />, { path: '/login' })

    await userEvent.type(screen.getByLabelText('E-mailadres'), 'geen-adres')
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'iets')
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }))

    const message = await screen.findByText('Dit is geen goed e-mailadres.')
    const email = screen.getByLabelText('E-mailadres')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email.getAttribute('aria-describedby')).toContain(message.id)
    expect(screen.getByLabelText('Wachtwoord')).not.toHaveAttribute('aria-invalid')
  })

  it('shows wrong credentials above the form', async () => {
    stubApi({ 'POST /api/v1/auth/login': problem(401, 'invalid_credentials') })
    renderWithProviders(<LoginPage />, { path: '/login' })
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'a@example.nl')
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'fout-wachtwoord')
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.')
    expect(getTokens()).toBeNull()
  })
})
