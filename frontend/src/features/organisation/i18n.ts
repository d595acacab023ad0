// The organisation pages' texts, under the `organisation` key of the app's translations (t('organisation.…')).
export const nl = {}
export const en: typeof nl = {}
