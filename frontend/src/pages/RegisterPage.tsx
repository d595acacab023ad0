import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { register } from '../api/endpoints'
import { AppLink } from '../components/AppLink'
import { ErrorSummary } from '../components/ErrorSummary'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { currentLanguage } from '../i18n'
import { useApiForm } from '../lib/useApiForm'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function RegisterPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.registerTitle'))
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { mutation, fields, formError } = useApiForm(() =>
    register({ email, password, display_name: name, locale: currentLanguage() }),
  )

  function submit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate()
  }

  if (mutation.isSuccess) {
    return (
      <>
        <Heading1>{t('auth.checkEmailTitle')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.checkEmail', { email: email.trim() })}</Paragraph>
        </Alert>
      </>
    )
  }

  return (
    <>
      <Heading1>{t('auth.registerTitle')}</Heading1>
      <form onSubmit={submit} noValidate className="meedoen-form">
        <FormError code={formError} />
        <ErrorSummary
          errors={fields}
          targets={{
            display_name: { id: 'display_name', label: t('auth.name') },
            email: { id: 'email', label: t('auth.email') },
            password: { id: 'password', label: t('auth.password') },
          }}
        />
        <TextField id="display_name" autoComplete="name" label={t('auth.name')} description={t('auth.nameHelp')} value={name} onChange={setName} error={fields.display_name} required />
        <TextField id="email" type="email" autoComplete="email" label={t('auth.email')} value={email} onChange={setEmail} error={fields.email} required />
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={t('auth.password')}
          description={t('auth.passwordHelp')}
          value={password}
          onChange={setPassword}
          error={fields.password}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.registering') : t('auth.registerButton')}
        </Button>
      </form>
      <Paragraph>
        {t('auth.haveAccount')} <AppLink to="/login">{t('app.login')}</AppLink>
      </Paragraph>
    </>
  )
}
