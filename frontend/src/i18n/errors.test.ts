import { describe, expect, it } from 'vitest'
import openapi from '../../openapi.json'
import { ERROR_TEXTS, translateError } from './errors'

describe('translateError', () => {
  it('translates a code to Dutch and English', () => {
    expect(translateError('already_signed_up', 'nl')).toBe('Je bent al aangemeld voor deze activiteit.')
    expect(translateError('already_signed_up', 'en')).toBe('You have already signed up for this activity.')
  })

  it('translates field codes', () => {
    expect(translateError('password_too_short', 'nl')).toBe('Gebruik minstens 10 tekens.')
    expect(translateError('invalid_email', 'en')).toBe('This is not a valid email address.')
  })

  it('treats regional English as English and anything else as Dutch', () => {
    expect(translateError('offer_full', 'en-GB')).toBe(ERROR_TEXTS.offer_full?.en)
    expect(translateError('offer_full', 'de')).toBe(ERROR_TEXTS.offer_full?.nl)
  })

  it('falls back to a general message for unknown or missing codes', () => {
    expect(translateError('something_new', 'nl')).toBe('Er ging iets mis. Probeer het nog een keer.')
    expect(translateError(undefined, 'en')).toBe('Something went wrong. Please try again.')
    // inherited object keys are not codes
    expect(translateError('toString', 'en')).toBe('Something went wrong. Please try again.')
  })

  it('has a Dutch and an English text for every code in the API document', () => {
    const codes = openapi.components.schemas.ErrorCode.enum as string[]
    expect(codes).toContain('already_signed_up')
    const missing = codes.filter((code) => {
      const text = (ERROR_TEXTS as Readonly<Record<string, { nl: string; en: string } | undefined>>)[code]
      return !text?.nl.trim() || !text.en.trim()
    })
    expect(missing).toEqual([])
  })

  it('uses the wording of a scope, and of a field in that scope, before the general text', () => {
    expect(translateError('not_found', 'nl', { scope: 'organisation' })).toBe('We kunnen dit niet vinden. Misschien is het weggehaald.')
    expect(translateError('not_found', 'nl', { scope: 'admin' })).toBe('We kunnen dit niet vinden.')
    expect(translateError('invalid', 'en', { scope: 'admin', field: 'key' })).toBe('Use 2 to 40 lower-case letters, digits or underscores (_). Start with a letter.')
    expect(translateError('invalid', 'en', { scope: 'admin', field: 'other' })).toBe('This is not right. Please check it.')
    expect(translateError('invalid', 'en', { field: 'key' })).toBe('This is not right. Please check it.')
  })

  it('fills in placeholders it has a value for', () => {
    expect(translateError('already_signed_up', 'nl', { scope: 'worker', vars: { name: 'Jan' } })).toBe('Jan is al aangemeld voor deze activiteit.')
    expect(translateError('already_signed_up', 'en', { scope: 'worker' })).toBe('{{name}} has already signed up for this activity.')
  })
})
