import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../components/AppLink'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export default function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('app.notFound'))
  return (
    <>
      <Heading1>{t('app.notFound')}</Heading1>
      <Paragraph>
        <AppLink to="/">{t('app.toHome')}</AppLink>
      </Paragraph>
    </>
  )
}
