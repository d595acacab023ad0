import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { setTokens } from '../api/session'
import { i18n } from '../i18n'

beforeEach(async () => {
  localStorage.clear()
  setTokens(null)
  await i18n.changeLanguage('nl')
})

afterEach(() => {
  cleanup()
})
