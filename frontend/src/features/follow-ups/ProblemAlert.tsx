import { Alert, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorText } from '../../i18n/useErrorText'
import './texts'

/**
 * An API error code above a follow-up form, in the worker's wording; a 404 says why the referral is gone (the
 * resident no longer shares their profile, or moved away). It takes the focus when it appears, like FormError.
 */
export function ProblemAlert({ code }: { code: string | undefined }) {
  const { t } = useTranslation()
  const errorText = useErrorText('worker')
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (code) ref.current?.focus()
  }, [code])
  if (!code) return null
  return (
    <Alert ref={ref} tabIndex={-1} type="error" role="alert">
      <Paragraph>{code === 'not_found' ? t('followUps.gone') : errorText(code)}</Paragraph>
    </Alert>
  )
}
