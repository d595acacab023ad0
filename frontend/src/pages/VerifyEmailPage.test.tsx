import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../test/render'
import { problem, stubApi } from '../test/stubApi'
import VerifyEmailPage from './VerifyEmailPage'

describe('VerifyEmailPage', () => {
  it('confirms the address with the token from the link', async () => {
    const calls = stubApi({ 'POST /api/v1/auth/verify-email': new Response(null, { status: 204 }) })
    renderWithProviders(<VerifyEmailPage />, { path: '/verify-email?token=abc' })
    expect(await screen.findByText('Gelukt! Je e-mailadres is bevestigd.')).toBeInTheDocument()
    expect(calls[0]?.body).toEqual({ token: 'abc' })
    expect(screen.queryByRole('button', { name: 'Stuur een nieuwe link' })).not.toBeInTheDocument()
  })

  it('offers a new link when the link has expired, and names a wrong address', async () => {
    const calls = stubApi({
      'POST /api/v1/auth/verify-email': problem(400, 'link_invalid'),
      'POST /api/v1/auth/verify-email/resend': (call) =>
        (call.body as { email: string }).email.includes('@') ? undefined : problem(422, 'validation_failed', [{ field: 'email', code: 'invalid_email' }]),
    })
    renderWithProviders(<VerifyEmailPage />, { path: '/verify-email?token=old' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze link werkt niet (meer).')
    const email = screen.getByLabelText(/E-mailadres/)
    await userEvent.type(email, 'geen adres')
    await userEvent.click(screen.getByRole('button', { name: 'Stuur een nieuwe link' }))
    expect(await screen.findByRole('link', { name: /E-mailadres/ })).toBeInTheDocument()
    await userEvent.clear(email)
    await userEvent.type(email, 'laat@example.nl')
    await userEvent.click(screen.getByRole('button', { name: 'Stuur een nieuwe link' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Als er een account met dit e-mailadres is dat nog niet bevestigd is')
    expect(calls.at(-1)?.body).toEqual({ email: 'laat@example.nl' })
  })
})
