import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../api/errors'
import { translateError } from '../i18n/errors'

/** A translated API error; with `onRetry`, a button to try again. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation()
  const e = toApiError(error)
  return (
    <Alert type="error" role="alert">
      <Paragraph>{translateError(e.code, i18n.language)}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  )
}
