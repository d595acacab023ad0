// Adds the default statements' texts to the app's translations (under `statements.`) when a statement page loads,
// so they are not in the home page's bundle.
import { i18n } from '../../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { statements: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { statements: en }, true, false)
