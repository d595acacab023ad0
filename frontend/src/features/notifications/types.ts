// Wire types of the notification settings and of unsubscribing, straight from the server's schema
// (src/api/schema.ts), with the generated value list of the sign-up alert choices.
import { signupAlertsValues, type components } from '../../api/schema'

type S = components['schemas']

/** What the signed-in person hears about by email (GET and PUT /me/notifications, all four fields). */
export type NotificationSettings = S['NotificationSettingsBody']
/** How a member of an organisation hears about a new sign-up: at once, once a day at 08:00, or not. */
export type SignupAlerts = S['SignupAlerts']
export const SIGNUP_ALERTS: readonly SignupAlerts[] = signupAlertsValues
/** The kind of email an unsubscribe link stops. */
export type Topic = S['Topic']
export type Unsubscribe = S['UnsubscribeResponse']
