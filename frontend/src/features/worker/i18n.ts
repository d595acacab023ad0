// The worker pages' texts, under the `worker` key of the app's translations (t('worker.…')).
export const nl = {}
export const en: typeof nl = {}
