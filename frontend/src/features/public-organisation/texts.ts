// Adds the public organisation page's texts to the app's translations (under `publicOrganisation.`) when the page
// (or the offer page, which shows an organisation's contact details) loads.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { publicOrganisation: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { publicOrganisation: en }, true, false)
