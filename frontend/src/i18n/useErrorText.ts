import { useTranslation } from 'react-i18next'
import { translateError, type ErrorScope, type ErrorTextOptions } from './errors'

/** translateError in the current language, with the wording of `scope` (organisation, worker or admin pages). */
export function useErrorText(scope?: ErrorScope) {
  const { i18n } = useTranslation()
  return (code: string | undefined, options: Omit<ErrorTextOptions, 'scope'> = {}) => translateError(code, i18n.language, { ...options, scope })
}
