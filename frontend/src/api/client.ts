import createClient from 'openapi-fetch'
import type { paths } from './schema'
import { getTokens, setTokens } from './session'

const NO_AUTH = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/register']

let refreshing: Promise<boolean> | null = null

/** Exchanges the refresh-token cookie once; parallel 401s share one exchange. */
function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      if (!getTokens()) return false
      try {
        // An empty body: the server takes the token from the HttpOnly cookie and sets the next one there.
        // (authFetch sends this path as it is, without the access token.)
        const { data, response } = await client.POST('/api/v1/auth/refresh', { body: {}, credentials: 'same-origin' })
        if (!response.ok || !data) {
          setTokens(null)
          return false
        }
        setTokens({ access: data.access_token })
        return true
      } catch {
        return false
      }
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

function withToken(request: Request, access: string | undefined): Request {
  const r = request.clone()
  if (access) r.headers.set('Authorization', `Bearer ${access}`)
  return r
}

/**
 * fetch with the access token; on a 401 it refreshes the session once and retries the request.
 * It calls globalThis.fetch at call time, so tests can stub the network.
 */
export async function authFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname
  if (NO_AUTH.includes(path)) return globalThis.fetch(request)
  const spare = request.clone()
  const tokens = getTokens()
  const res = await globalThis.fetch(withToken(request, tokens?.access))
  if (res.status !== 401 || !tokens) return res
  if (!(await refreshOnce())) return res
  return globalThis.fetch(withToken(spare, getTokens()?.access))
}

function origin(): string {
  return globalThis.location?.origin ?? 'http://localhost'
}

export const client = createClient<paths>({
  baseUrl: origin(),
  fetch: authFetch,
})
