// Adds the monitor's texts to the app's translations (under `monitor.`) when its page loads.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { monitor: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { monitor: en }, true, false)
