import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../api/errors'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'

/**
 * A translated API error (in the wording of `scope`, with `vars` for its placeholders); `text` replaces the
 * message (e.g. a page's own "not found"); with `onRetry`, a button to try again.
 */
export function ErrorAlert({
  error,
  onRetry,
  scope,
  vars,
  text,
}: {
  error: unknown
  onRetry?: (() => void) | undefined
  scope?: ErrorScope | undefined
  vars?: Record<string, string> | undefined
  text?: string | undefined
}) {
  const { t } = useTranslation()
  const errorText = useErrorText(scope)
  return (
    <Alert type="error" role="alert">
      <Paragraph>{text ?? errorText(toApiError(error).code, { vars })}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  )
}
