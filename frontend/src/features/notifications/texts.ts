// Adds the notification pages' texts to the app's translations (under `notifications.`) when the settings page or
// the unsubscribe page loads.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { notifications: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { notifications: en }, true, false)
