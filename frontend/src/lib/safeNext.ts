/** Only same-site paths may be used to return after signing in. */
export function safeNext(next: string | null | undefined, fallback = '/offers'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  return next
}
