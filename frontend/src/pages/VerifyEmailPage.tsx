import { useQuery } from '@tanstack/react-query'
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { verifyEmail } from '../api/endpoints'
import { sharedKeys } from '../api/queries'
import { AppLink } from '../components/AppLink'
import { ErrorAlert } from '../components/ErrorAlert'
import { Loading } from '../components/Loading'
import { ResendVerification } from '../components/ResendVerification'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function VerifyEmailPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.verifyTitle'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  // A query (not an effect) so the single-use token is posted once, also under StrictMode.
  const result = useQuery({
    queryKey: sharedKeys.emailVerification(token),
    queryFn: async () => {
      await verifyEmail(token)
      return true
    },
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  })

  return (
    <>
      <Heading1>{t('auth.verifyTitle')}</Heading1>
      {!token && (
        <Alert type="error" role="alert">
          <Paragraph>{t('auth.noToken')}</Paragraph>
        </Alert>
      )}
      {token && result.isPending && <Loading />}
      {result.isError && <ErrorAlert error={result.error} />}
      {(!token || result.isError) && <ResendVerification />}
      {result.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.verified')}</Paragraph>
          <Paragraph>
            <AppLink to="/offers">{t('home.browse')}</AppLink>
          </Paragraph>
        </Alert>
      )}
    </>
  )
}
