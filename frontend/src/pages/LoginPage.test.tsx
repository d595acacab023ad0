import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { getTokens } from '../api/session'
import { jsonResponse, renderWithProviders } from '../test/render'
import LoginPage from './LoginPage'

describe('LoginPage', () => {
  it('shows a field error from a 422 problem response next to the field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(
          {
            type: 'about:blank',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'Some fields are not valid.',
            code: 'validation_failed',
            errors: [{ field: 'email', code: 'invalid_email', message: 'This is not a valid email address.' }],
          },
          422,
          'application/problem+json',
        ),
      ),
    )
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
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: '', code: 'invalid_credentials' }, 401, 'application/problem+json')),
    )
    renderWithProviders(<LoginPage />, { path: '/login' })
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'a@example.nl')
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'fout-wachtwoord')
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.')
    expect(getTokens()).toBeNull()
  })
})
