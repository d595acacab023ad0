import { Alert, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef } from 'react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'

/**
 * An API error code above a form, translated in the wording of `scope`; nothing without a code. Like the error
 * summary it takes the focus when it appears, so a failed submit is noticed where the form starts.
 */
export function FormError({ code, scope, vars }: { code: string | undefined; scope?: ErrorScope | undefined; vars?: Record<string, string> | undefined }) {
  const errorText = useErrorText(scope)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (code) ref.current?.focus()
  }, [code])
  if (!code) return null
  return (
    <Alert ref={ref} tabIndex={-1} type="error" role="alert">
      <Paragraph>{errorText(code, { vars })}</Paragraph>
    </Alert>
  )
}
