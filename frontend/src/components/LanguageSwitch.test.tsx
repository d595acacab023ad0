import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { HomePage } from '../pages/HomePage'
import { renderWithProviders } from '../test/render'
import { LanguageSwitch } from './LanguageSwitch'

describe('LanguageSwitch', () => {
  it('switches the texts between Dutch and English and remembers the choice', async () => {
    renderWithProviders(
      <>
        <LanguageSwitch />
        <HomePage />
      </>,
    )
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Meedoen in je wijk')
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true')

    await userEvent.click(screen.getByRole('button', { name: 'English' }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Take part in your neighbourhood')
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('meedoen.lang')).toBe('en')

    await userEvent.click(screen.getByRole('button', { name: 'Nederlands' }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Meedoen in je wijk')
  })
})
