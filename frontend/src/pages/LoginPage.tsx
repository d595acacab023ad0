import { useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { login } from '../api/endpoints'
import { sharedKeys } from '../api/queries'
import { AppLink } from '../components/AppLink'
import { ErrorSummary } from '../components/ErrorSummary'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { safeNext } from '../lib/safeNext'
import { stateFlag } from '../lib/navigationState'
import { useApiForm } from '../lib/useApiForm'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function LoginPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.loginTitle'))
  const [params] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { mutation, fields, formError } = useApiForm(
    () => login(email, password),
    (data) => {
      queryClient.setQueryData(sharedKeys.me, data.user)
      void navigate(safeNext(params.get('next')))
    },
  )
  const loggedOut = stateFlag(location.state, 'loggedOut')

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  return (
    <>
      <Heading1>{t('auth.loginTitle')}</Heading1>
      {loggedOut && (
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.loggedOut')}</Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="meedoen-form">
        <FormError code={formError} />
        <ErrorSummary
          errors={fields}
          targets={{ email: { id: 'email', label: t('auth.email') }, password: { id: 'password', label: t('auth.password') } }}
        />
        <TextField id="email" type="email" autoComplete="email" label={t('auth.email')} value={email} onChange={setEmail} error={fields.email} required />
        <TextField
          id="password"
          type="password"
          autoComplete="current-password"
          label={t('auth.password')}
          value={password}
          onChange={setPassword}
          error={fields.password}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.loggingIn') : t('auth.loginButton')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to="/forgot-password">{t('auth.forgot')}</AppLink>
      </Paragraph>
      <Paragraph>
        {t('auth.noAccount')} <AppLink to="/register">{t('app.register')}</AppLink>
      </Paragraph>
    </>
  )
}
