import { Heading1, Heading2, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../auth/useSession'
import { AppButtonLink, AppLink } from '../components/AppLink'
import { useDocumentTitle } from '../lib/useDocumentTitle'

export function HomePage() {
  const { t } = useTranslation()
  const { tokens, me } = useMe()
  // The resident's pages for residents (and while /me loads); the monitor for those who read it.
  const resident = !me || me.roles.includes('resident')
  const monitor = me?.roles.some((role) => role === 'monitor' || role === 'admin' || role === 'worker') ?? false
  useDocumentTitle(t('home.title'))
  return (
    <>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph appearance="lead">{t('home.intro')}</Paragraph>
      <Paragraph>{t('home.what')}</Paragraph>
      <p>
        <AppButtonLink to="/offers">{t('home.browse')}</AppButtonLink>
      </p>
      {tokens ? (
        <>
          {/* Signed in: no "create an account" any more, but the way to the resident's own pages. */}
          <Heading2>{t('home.yours')}</Heading2>
          <UnorderedList>
            {resident && (
              <>
                <UnorderedListItem>
                  <AppLink to="/for-you">{t('app.forYou')}</AppLink>
                </UnorderedListItem>
                <UnorderedListItem>
                  <AppLink to="/my-activities">{t('app.myActivities')}</AppLink>
                </UnorderedListItem>
                <UnorderedListItem>
                  <AppLink to="/profile">{t('app.myProfile')}</AppLink>
                </UnorderedListItem>
              </>
            )}
            {monitor && (
              <UnorderedListItem>
                <AppLink to="/monitor">{t('app.monitor')}</AppLink>
              </UnorderedListItem>
            )}
          </UnorderedList>
        </>
      ) : (
        <>
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
      )}
      {/* The menu shows "Mijn organisatie" only to members; everyone else starts registering one here. */}
      <Heading2>{t('home.forOrganisations')}</Heading2>
      <Paragraph>{t('home.organisationText')}</Paragraph>
      <Paragraph>
        <AppLink to="/organisation">{t('home.registerOrganisation')}</AppLink>
      </Paragraph>
    </>
  )
}
