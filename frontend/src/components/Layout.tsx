import { useQueryClient } from '@tanstack/react-query'
import { Button, PageContent, PageFooter, PageHeader, Paragraph } from '@utrecht/component-library-react'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, useNavigate } from 'react-router'
import { logout } from '../api/endpoints'
import { useMe } from '../auth/useSession'
import { LanguageSwitch } from './LanguageSwitch'
import { Loading } from './Loading'

function navClass({ isActive }: { isActive: boolean }) {
  return isActive ? 'meedoen-nav__link meedoen-nav__link--current' : 'meedoen-nav__link'
}

export function Layout() {
  const { t } = useTranslation()
  const { me, tokens } = useMe()
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  async function signOut() {
    try {
      await logout()
    } catch {
      // The tokens are dropped anyway.
    }
    queryClient.removeQueries({ queryKey: ['me'] })
    queryClient.removeQueries({ queryKey: ['my-signups'] })
    // Everything fetched for this person goes: the next person on this device must not see it.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'districts' && query.queryKey[0] !== 'tags' })
    void navigate('/login', { state: { loggedOut: true } })
  }

  return (
    <div className="meedoen-page">
      <a className="meedoen-skip-link" href="#main">
        {t('app.skip')}
      </a>
      <PageHeader className="meedoen-header">
        <div className="meedoen-header__inner">
          <NavLink to="/" className="meedoen-logo">
            {t('app.name')}
          </NavLink>
          <nav aria-label={t('app.nav')} className="meedoen-nav">
            <ul className="meedoen-nav__list">
              <li>
                <NavLink to="/offers" className={navClass}>
                  {t('app.offers')}
                </NavLink>
              </li>
              {tokens ? (
                <>
                  <li>
                    <NavLink to="/for-you" className={navClass}>
                      {t('app.forYou')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my-activities" className={navClass}>
                      {t('app.myActivities')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my-referrals" className={navClass}>
                      {t('app.myReferrals')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/profile" className={navClass}>
                      {t('app.myProfile')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/access-log" className={navClass}>
                      {t('app.accessLog')}
                    </NavLink>
                  </li>
                  {/* Every signed-in person may register an organisation, so the link is always there. */}
                  <li>
                    <NavLink to="/organisation" className={navClass}>
                      {t('app.organisation')}
                    </NavLink>
                  </li>
                  {me?.roles.includes('worker') && (
                    <li>
                      <NavLink to="/worker" className={navClass}>
                        {t('app.worker')}
                      </NavLink>
                    </li>
                  )}
                  {me?.roles.includes('admin') && (
                    <li>
                      <NavLink to="/admin" className={navClass}>
                        {t('app.admin')}
                      </NavLink>
                    </li>
                  )}
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login" className={navClass}>
                      {t('app.login')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/register" className={navClass}>
                      {t('app.register')}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="meedoen-header__tools">
            {me && (
              <div className="meedoen-user">
                <span>{t('app.signedInAs', { name: me.display_name })}</span>
                <Button appearance="subtle-button" onClick={() => void signOut()}>
                  {t('app.logout')}
                </Button>
              </div>
            )}
            <LanguageSwitch />
          </div>
        </div>
      </PageHeader>
      <PageContent className="meedoen-content">
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </PageContent>
      <PageFooter className="meedoen-footer">
        <Paragraph>{t('app.footer')}</Paragraph>
      </PageFooter>
    </div>
  )
}
