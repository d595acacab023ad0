// Adds the attendance texts to the app's translations (under `attendance.`) when one of its pages loads, or the
// parts other pages show (the next meetings on my activities, the link on an offer's sign-ups).
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { attendance: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { attendance: en }, true, false)
