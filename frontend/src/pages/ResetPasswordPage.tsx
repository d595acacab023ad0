import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { confirmPasswordReset } from '../api/endpoints'
import { AppLink } from '../components/AppLink'
import { ErrorSummary } from '../components/ErrorSummary'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { useApiForm } from '../lib/useApiForm'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function ResetPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.resetTitle'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [password, setPassword] = useState('')
  const { mutation, fields, formError } = useApiForm(() => confirmPasswordReset(token, password))

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  return (
    <>
      <Heading1>{t('auth.resetTitle')}</Heading1>
      {!token ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('auth.noToken')}</Paragraph>
        </Alert>
      ) : mutation.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.resetDone')}</Paragraph>
          <Paragraph>
            <AppLink to="/login">{t('app.login')}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="meedoen-form">
          <FormError code={formError} />
          {formError === 'link_invalid' && (
            <Paragraph>
              <AppLink to="/forgot-password">{t('auth.forgot')}</AppLink>
            </Paragraph>
          )}
          <ErrorSummary errors={fields} targets={{ password: { id: 'password', label: t('auth.newPassword') } }} />
          <TextField
            id="password"
            type="password"
            autoComplete="new-password"
            label={t('auth.newPassword')}
            description={t('auth.passwordHelp')}
            value={password}
            onChange={setPassword}
            error={fields.password}
            required
          />
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {t('auth.resetButton')}
          </Button>
        </form>
      )}
    </>
  )
}
