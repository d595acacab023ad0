import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import { translateError } from '../../i18n/errors'
import { nl } from './i18n'

/** An API error code in words: the worker pages' own texts first, then the app's (translateError). */
export function workerErrorText(code: string | undefined, t: TFunction, lang: string, vars: Record<string, string> = {}): string {
  if (code && Object.hasOwn(nl.errors, code)) return t(`worker.errors.${code}`, vars)
  return translateError(code, lang)
}

/** An error alert with the worker texts; `text` replaces the message (e.g. a page's own "not found"). */
export function WorkerError({
  error,
  text,
  vars,
  onRetry,
}: {
  error: unknown
  text?: string | undefined
  vars?: Record<string, string>
  onRetry?: () => void
}) {
  const { t, i18n } = useTranslation()
  const message = text ?? workerErrorText(toApiError(error).code, t, i18n.language, vars)
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  )
}
