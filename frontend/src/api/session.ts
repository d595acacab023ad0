// The session as the page knows it: the access token (15 minutes). The refresh token lives in an HttpOnly
// cookie that only the browser sends, to /api/v1/auth, so no script on the page can read it. The access token
// is kept in localStorage so a reload (or a new tab) keeps you signed in; when it has expired, the client
// refreshes it with the cookie.

export interface Tokens {
  access: string
}

const KEY = 'meedoen.session'
type Listener = () => void
const listeners = new Set<Listener>()

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && 'access' in parsed && typeof parsed.access === 'string') {
      const tokens: Tokens = { access: parsed.access }
      // An older version kept the refresh token here too: take it out of reach of scripts.
      if ('refresh' in parsed) localStorage.setItem(KEY, JSON.stringify(tokens))
      return tokens
    }
  } catch {
    // A broken value counts as signed out.
  }
  return null
}

let current: Tokens | null = read()

export function getTokens(): Tokens | null {
  return current
}

export function setTokens(tokens: Tokens | null): void {
  current = tokens
  try {
    if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens))
    else localStorage.removeItem(KEY)
  } catch {
    // Storage can be full or blocked; the session then lasts as long as the page.
  }
  listeners.forEach((l) => l())
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
