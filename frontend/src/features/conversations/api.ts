// The conversations' API calls and query keys: the messages about a sign-up or a referral, writing one, and an
// organisation writing to everyone with a place on an offer.
import { client } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { Broadcast, Conversation, ConversationAbout, Message } from './types'

export const conversationKeys = {
  all: ['conversations'] as const,
  detail: (about: ConversationAbout, id: string) => [...conversationKeys.all, about, id] as const,
}

export async function getConversation(about: ConversationAbout, id: string): Promise<Conversation> {
  const params = { path: { id } }
  return about === 'signup'
    ? unwrap(await client.GET('/api/v1/signups/{id}/messages', { params }))
    : unwrap(await client.GET('/api/v1/referrals/{id}/messages', { params }))
}

export async function writeMessage(about: ConversationAbout, id: string, body: string): Promise<Message> {
  const params = { path: { id } }
  return about === 'signup'
    ? unwrap(await client.POST('/api/v1/signups/{id}/messages', { params, body: { body } }))
    : unwrap(await client.POST('/api/v1/referrals/{id}/messages', { params, body: { body } }))
}

/** Writes to everyone with an accepted place on the offer (organisation members); says how many got it. */
export async function writeToParticipants(offerId: string, body: string): Promise<Broadcast> {
  return unwrap(await client.POST('/api/v1/offers/{id}/messages', { params: { path: { id: offerId } }, body: { body } }))
}
