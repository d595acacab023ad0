// Adds the statement texts to the app's translations (under `participationStatement.`: `statements.` holds the
// privacy and accessibility statements) when the check page loads, or the section on "Mijn deelname" does.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { participationStatement: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { participationStatement: en }, true, false)
