// Adds the follow-up texts to the app's translations (under `followUps.`) when one of its pages loads, or the parts
// other pages show (the timeline on the worker's referrals and the resident's suggestions, the link on the worker's
// start page).
import { i18n } from '../../i18n'
import { en, nl } from './i18n'

i18n.addResourceBundle('nl', 'translation', { followUps: nl }, true, false)
i18n.addResourceBundle('en', 'translation', { followUps: en }, true, false)
