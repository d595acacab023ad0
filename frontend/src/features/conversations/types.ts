// Wire types of the conversations, straight from the server's schema (src/api/schema.ts).
import type { components } from '../../api/schema'

type S = components['schemas']

export type Conversation = S['ConversationResponse']
export type Message = S['MessageResponse']
export type Side = S['Side']
export type Broadcast = S['BroadcastResponse']
/** What a conversation is about: a sign-up (resident and organisation) or a referral (resident and worker). */
export type ConversationAbout = 'signup' | 'referral'
