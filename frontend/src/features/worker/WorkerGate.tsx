import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../auth/useSession'
import { AppButtonLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import './texts'

/**
 * Shows its children only to a signed-in worker. Signed-out visitors get the sign-in prompt (back to `next`),
 * others a short explanation; the server checks the role anyway.
 */
export function WorkerGate({ title, next, children }: { title: string; next: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { tokens, me, isLoading } = useMe()
  if (!tokens) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('worker.gate.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=${encodeURIComponent(next)}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  }
  if (isLoading) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Loading />
      </>
    )
  }
  if (!me) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <Alert type="error" role="alert">
          <Paragraph>{t('errors.loadFailed')}</Paragraph>
        </Alert>
      </>
    )
  }
  if (!me.roles.includes('worker')) {
    return (
      <>
        <Heading1>{title}</Heading1>
        <div className="meedoen-notice" role="note">
          <Paragraph>{t('worker.gate.notWorker')}</Paragraph>
          <Paragraph>{t('worker.gate.notWorkerHelp')}</Paragraph>
        </div>
        <AppButtonLink to="/" appearance="secondary">
          {t('app.toHome')}
        </AppButtonLink>
      </>
    )
  }
  return <>{children}</>
}
