// Adds the texts of the header's name and logo and of the footer to the app's translations (under `site.`). The
// layout shows them on every page, so this module loads with the app.
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { site: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { site: en }, true, false)
