import { Heading1, Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { AppButtonLink, AppLink } from '../components/AppLink'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function HomePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('home.title'))
  return (
    <>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph appearance="lead">{t('home.intro')}</Paragraph>
      <Paragraph>{t('home.what')}</Paragraph>
      <p>
        <AppButtonLink to="/offers">{t('home.browse')}</AppButtonLink>
      </p>
      <Heading2>{t('home.start')}</Heading2>
      <OrderedList>
        <OrderedListItem>
          <AppLink to="/offers">{t('home.step1')}</AppLink>
        </OrderedListItem>
        <OrderedListItem>
          <AppLink to="/register">{t('app.register')}</AppLink>
          {' · '}
          <AppLink to="/login">{t('app.login')}</AppLink>
          <br />
          {t('home.step2')}
        </OrderedListItem>
        <OrderedListItem>{t('home.step3')}</OrderedListItem>
      </OrderedList>
    </>
  )
}
