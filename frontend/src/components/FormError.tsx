import { Alert, Paragraph } from '@utrecht/component-library-react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'

/** An API error code above a form, translated in the wording of `scope`; nothing without a code. */
export function FormError({ code, scope, vars }: { code: string | undefined; scope?: ErrorScope | undefined; vars?: Record<string, string> | undefined }) {
  const errorText = useErrorText(scope)
  if (!code) return null
  return (
    <Alert type="error" role="alert">
      <Paragraph>{errorText(code, { vars })}</Paragraph>
    </Alert>
  )
}
