// The session: an access token (15 minutes) and an opaque refresh token.
// They are kept in localStorage for now, so a reload keeps you signed in. This is readable by any script on
// the page (XSS); moving the refresh token to an HttpOnly cookie needs a server change and is planned.

export interface Tokens {
  access: string
  refresh: string
}

const KEY = 'meedoen.session'
type Listener = () => void
const listeners = new Set<Listener>()

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Tokens).access === 'string' &&
      typeof (parsed as Tokens).refresh === 'string'
    ) {
      return parsed as Tokens
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
