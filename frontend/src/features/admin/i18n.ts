// The admin pages' texts, under the `admin` key of the app's translations (t('admin.…')).
export const nl = {}
export const en: typeof nl = {}
