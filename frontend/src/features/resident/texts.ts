// Adds the resident pages' texts to the app's translations (under `resident.`) when the first of those pages
// loads, so they are not in the home page's bundle. Every page of this folder imports this module.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { resident: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { resident: en }, true, false)
