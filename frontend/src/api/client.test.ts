import { describe, expect, it, vi } from 'vitest'
import { jsonResponse } from '../test/render'
import { problem, stubApi } from '../test/stubApi'
import { listTags } from './endpoints'
import { getTokens, setTokens } from './session'

const me = { id: 'u1', email: 'a@example.nl', display_name: 'Jan', locale: 'nl', roles: ['resident'], email_verified: true, organisations: [] }
const tags = { items: [{ id: 't1', kind: 'skill', key: 'gardening', label_nl: 'Tuinieren', label_en: 'Gardening', retired: false }] }

// Any call but the sign-in ones goes with the access token; the tags are one.

describe('authFetch', () => {
  it('refreshes the session once on a 401 (with the cookie, not a token in the page) and retries', async () => {
    setTokens({ access: 'old-access' })
    const calls = stubApi({
      'POST /api/v1/auth/refresh': (call) => {
        expect(call.body).toEqual({})
        expect(call.credentials).toBe('same-origin')
        return jsonResponse({ access_token: 'new-access', token_type: 'Bearer', expires_in: 900, user: me })
      },
      'GET /api/v1/tags': (call) => (call.authorization === 'Bearer new-access' ? jsonResponse(tags) : problem(401, 'token_invalid')),
    })
    const seen = () => calls.map((c) => `${c.path} ${c.authorization}`)
    await expect(listTags()).resolves.toEqual(tags.items)
    expect(seen()).toEqual(['/api/v1/tags Bearer old-access', '/api/v1/auth/refresh ', '/api/v1/tags Bearer new-access'])
    expect(getTokens()).toEqual({ access: 'new-access' })
  })

  it('signs out when the refresh token is refused', async () => {
    setTokens({ access: 'old-access' })
    stubApi({ 'POST /api/v1/auth/refresh': problem(401, 'refresh_token_reused'), 'GET /api/v1/tags': problem(401, 'token_invalid') })
    await expect(listTags()).rejects.toMatchObject({ status: 401 })
    expect(getTokens()).toBeNull()
  })

  it('keeps only the access token of a session stored by an older version', () => {
    localStorage.setItem('meedoen.session', JSON.stringify({ access: 'a', refresh: 'visible-to-scripts' }))
    vi.resetModules()
    return import('./session').then(({ getTokens: fresh }) => {
      expect(fresh()).toEqual({ access: 'a' })
      expect(localStorage.getItem('meedoen.session')).toBe(JSON.stringify({ access: 'a' }))
    })
  })
})
