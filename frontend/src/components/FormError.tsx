import { Alert, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { translateError } from '../i18n/errors'

export function FormError({ code }: { code: string | undefined }) {
  const { i18n } = useTranslation()
  if (!code) return null
  return (
    <Alert type="error" role="alert">
      <Paragraph>{translateError(code, i18n.language)}</Paragraph>
    </Alert>
  )
}
