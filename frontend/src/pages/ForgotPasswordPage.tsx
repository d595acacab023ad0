import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { requestPasswordReset } from '../api/endpoints'
import { ErrorSummary } from '../components/ErrorSummary'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { useApiForm } from '../lib/useApiForm'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.forgotTitle'))
  const [email, setEmail] = useState('')
  const { mutation, fields, formError } = useApiForm(() => requestPasswordReset(email))

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  return (
    <>
      <Heading1>{t('auth.forgotTitle')}</Heading1>
      {mutation.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.forgotSent')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('auth.forgotIntro')}</Paragraph>
          <form onSubmit={submit} noValidate className="meedoen-form">
            <FormError code={formError} />
            <ErrorSummary errors={fields} targets={{ email: { id: 'email', label: t('auth.email') } }} />
            <TextField id="email" type="email" autoComplete="email" label={t('auth.email')} value={email} onChange={setEmail} error={fields.email} required />
            <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
              {t('auth.forgotButton')}
            </Button>
          </form>
        </>
      )}
    </>
  )
}
