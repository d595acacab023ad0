import { describe, expect, it, vi } from 'vitest'
import { jsonResponse } from '../test/render'
import { getMe } from './endpoints'
import { getTokens, setTokens } from './session'

const me = { id: 'u1', email: 'a@example.nl', display_name: 'Jan', locale: 'nl', roles: ['resident'], email_verified: true, organisations: [] }

describe('authFetch', () => {
  it('refreshes the session once on a 401 (with the cookie, not a token in the page) and retries', async () => {
    setTokens({ access: 'old-access' })
    const seen: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        const path = new URL(req.url).pathname
        seen.push(`${path} ${req.headers.get('Authorization') ?? ''}`)
        if (path === '/api/v1/auth/refresh') {
          expect(await req.json()).toEqual({})
          expect(req.credentials).toBe('same-origin')
          return jsonResponse({ access_token: 'new-access', token_type: 'Bearer', expires_in: 900, user: me })
        }
        if (req.headers.get('Authorization') === 'Bearer new-access') return jsonResponse(me)
        return jsonResponse({ code: 'token_invalid', status: 401 }, 401, 'application/problem+json')
      }),
    )
    await expect(getMe()).resolves.toMatchObject({ display_name: 'Jan' })
    expect(seen).toEqual(['/api/v1/me Bearer old-access', '/api/v1/auth/refresh ', '/api/v1/me Bearer new-access'])
    expect(getTokens()).toEqual({ access: 'new-access' })
  })

  it('signs out when the refresh token is refused', async () => {
    setTokens({ access: 'old-access' })
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ code: 'refresh_token_reused', status: 401 }, 401, 'application/problem+json')),
    )
    await expect(getMe()).rejects.toMatchObject({ status: 401 })
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
