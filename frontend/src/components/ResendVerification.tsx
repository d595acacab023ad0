import { Alert, Button, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { resendVerification } from '../api/endpoints'
import { useMe } from '../auth/useSession'
import { useApiForm } from '../lib/useApiForm'
import { ErrorSummary } from './ErrorSummary'
import { FormError } from './FormError'
import { TextField } from './TextField'

/**
 * "Send me a new verification link": one button for a signed-in person (to their own address), a field for the
 * address otherwise. The answer is the same whether or not the address has an account.
 */
export function ResendVerification() {
  const { t } = useTranslation()
  const { me } = useMe()
  const [typed, setTyped] = useState('')
  const email = me?.email ?? typed
  const { mutation, fields, formError } = useApiForm(() => resendVerification(email))

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  if (mutation.isSuccess) {
    return (
      <Alert type="ok" role="status">
        <Paragraph>{me ? t('auth.resendSentToMe', { email: me.email }) : t('auth.resendSent')}</Paragraph>
      </Alert>
    )
  }
  return (
    <form onSubmit={submit} noValidate className="meedoen-form">
      <FormError code={formError} />
      {me ? (
        <Button type="submit" appearance="secondary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('auth.resendToMe', { email: me.email })}
        </Button>
      ) : (
        <>
          <Paragraph>{t('auth.resendIntro')}</Paragraph>
          <ErrorSummary errors={fields} targets={{ email: { id: 'resend-email', label: t('auth.email') } }} />
          <TextField id="resend-email" type="email" autoComplete="email" label={t('auth.email')} value={typed} onChange={setTyped} error={fields.email} required />
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {t('auth.resendButton')}
          </Button>
        </>
      )}
    </form>
  )
}
