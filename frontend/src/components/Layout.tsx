import { useQueryClient } from '@tanstack/react-query'
import { Button, PageContent, PageFooter, PageHeader } from '@utrecht/component-library-react'
import { Suspense, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, useNavigate } from 'react-router'
import { logout } from '../api/endpoints'
import type { TextKey } from '../i18n/resources'
import { isReferenceData } from '../api/queries'
import { useMe } from '../auth/useSession'
import { SiteBrand } from '../features/site/SiteBrand'
import { SiteFooter } from '../features/site/SiteFooter'
import { useSiteTheme } from '../features/site/theme'
import { useFocusHeadingOnNavigate } from '../lib/useFocusHeadingOnNavigate'
import { LanguageSwitch } from './LanguageSwitch'
import { Loading } from './Loading'

function navClass({ isActive }: { isActive: boolean }) {
  return isActive ? 'meedoen-nav__link meedoen-nav__link--current' : 'meedoen-nav__link'
}

interface MenuLink {
  to: string
  label: TextKey
}

/** The roles that may open the monitor (a worker for their own districts only). */
const MONITOR_ROLES = ['monitor', 'admin', 'worker']

/**
 * The menu for this person: the resident pages for residents, the notification settings for anyone signed in,
 * their organisations when they belong to one, and the role areas they may use. An account without the resident
 * role (a monitor-only account of a council member) gets no resident pages: the server refuses their profile and
 * suggestions, and they have no sign-ups, participation, referrals or profile to look at. Until the roles are
 * known (the session is loading), only what works for anyone signed in.
 */
function menuLinks(signedIn: boolean, roles: readonly string[], organisations: number): MenuLink[] {
  const links: MenuLink[] = [{ to: '/offers', label: 'app.offers' }]
  if (!signedIn) {
    links.push({ to: '/login', label: 'app.login' }, { to: '/register', label: 'app.register' })
    return links
  }
  if (roles.includes('resident')) {
    links.push(
      { to: '/for-you', label: 'app.forYou' },
      { to: '/my-activities', label: 'app.myActivities' },
      { to: '/my-participation', label: 'app.myParticipation' },
      { to: '/my-referrals', label: 'app.myReferrals' },
      { to: '/profile', label: 'app.myProfile' },
    )
  }
  links.push({ to: '/settings/notifications', label: 'app.notifications' })
  if (roles.includes('resident')) links.push({ to: '/access-log', label: 'app.accessLog' })
  // Only for members: anyone else registers an organisation from the home page (the page itself is open to all).
  if (organisations > 0) links.push({ to: '/organisation', label: 'app.organisation' })
  if (roles.includes('worker')) links.push({ to: '/worker', label: 'app.worker' })
  if (roles.some((role) => MONITOR_ROLES.includes(role))) links.push({ to: '/monitor', label: 'app.monitor' })
  if (roles.includes('admin')) links.push({ to: '/admin', label: 'app.admin' })
  return links
}

export function Layout() {
  const { t } = useTranslation()
  const { me, tokens } = useMe()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [menuOpen, setMenuOpen] = useState(false)
  const links = menuLinks(tokens !== null, me?.roles ?? [], me?.organisations.length ?? 0)
  const main = useRef<HTMLElement>(null)
  useFocusHeadingOnNavigate(main)
  useSiteTheme()
  const menuClass = ['meedoen-nav__list', tokens && 'meedoen-nav__list--foldable', menuOpen && 'meedoen-nav__list--open'].filter(Boolean).join(' ')

  async function signOut() {
    try {
      await logout()
    } catch {
      // The tokens are dropped anyway.
    }
    // Everything fetched for this person goes: the next person on this device must not see it.
    queryClient.removeQueries({ predicate: (query) => !isReferenceData(query.queryKey) })
    void navigate('/login', { state: { loggedOut: true } })
  }

  return (
    <div className="meedoen-page">
      <a className="meedoen-skip-link" href="#main">
        {t('app.skip')}
      </a>
      <PageHeader className="meedoen-header">
        <div className="meedoen-header__inner">
          <SiteBrand />
          <nav aria-label={t('app.nav')} className="meedoen-nav">
            {/* Signed in, the menu has up to twelve links: on a phone they fold away behind one button. */}
            {tokens && (
              <Button
                appearance="subtle-button"
                className="meedoen-nav__toggle"
                aria-expanded={menuOpen}
                aria-controls="meedoen-nav-list"
                onClick={() => setMenuOpen(!menuOpen)}
              >
                {t(menuOpen ? 'app.menuClose' : 'app.menu')}
              </Button>
            )}
            <ul id="meedoen-nav-list" className={menuClass}>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} className={navClass} onClick={() => setMenuOpen(false)}>
                    {t(link.label)}
                  </NavLink>
                </li>
              ))}
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
        <main id="main" tabIndex={-1} ref={main}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </PageContent>
      <PageFooter className="meedoen-footer">
        <SiteFooter />
      </PageFooter>
    </div>
  )
}
