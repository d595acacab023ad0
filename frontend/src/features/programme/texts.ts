// Adds the programme's texts to the app's translations (under `programme.`) when the programme page or a print
// button loads, so they are not in the home page's bundle. Every module of this folder that shows text imports it.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { programme: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { programme: en }, true, false)
