// The notification settings' API calls and query keys: the signed-in person's choices, and the unsubscribe link of
// an email (no sign-in: the token is the permission).
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { NotificationSettings, Unsubscribe } from './types'

export const notificationKeys = {
  all: ['notifications'] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
  /** What one unsubscribe link stops (its token is the key: a secret, kept only in this tab's memory). */
  unsubscribe: (token: string) => [...notificationKeys.all, 'unsubscribe', token] as const,
}

export async function getMySettings(): Promise<NotificationSettings> {
  return unwrap(await client.GET('/api/v1/me/notifications'))
}

/** Saves all four settings at once; the answer is what was saved. */
export async function saveMySettings(settings: NotificationSettings): Promise<NotificationSettings> {
  return unwrap(await client.PUT('/api/v1/me/notifications', { body: settings }))
}

/** What the link stops and whether it is off already; changes nothing. 404 for a token that is not one. */
export async function unsubscribeTopic(token: string): Promise<Unsubscribe> {
  return unwrap(await client.GET('/api/v1/unsubscribe/{token}', { params: { path: { token } } }))
}

/** Turns that kind of email off (repeating it is harmless). */
export async function unsubscribe(token: string): Promise<Unsubscribe> {
  return unwrap(await client.POST('/api/v1/unsubscribe/{token}', { params: { path: { token } } }))
}
