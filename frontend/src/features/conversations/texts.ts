// Adds the conversations' texts to the app's translations (under `conversations.`) when the conversation page or
// the form to write to all participants loads.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { conversations: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { conversations: en }, true, false)
