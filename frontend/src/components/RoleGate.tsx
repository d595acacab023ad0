import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { useMe } from '../auth/useSession'
import { AppButtonLink } from './AppLink'
import { Loading } from './Loading'

/** The roles with pages of their own behind a gate (a resident's pages only ask to sign in). */
export type GatedRole = 'admin' | 'worker' | 'monitor'

/** Who may pass: one role, or several (any of them will do; the first one's texts explain the page to others). */
type Gate = { role: GatedRole; roles?: never } | { roles: readonly [GatedRole, ...GatedRole[]]; role?: never }

/**
 * Shows its children only to a signed-in user with `role` (or with any of `roles`); the children bring their own
 * heading. Everyone else gets the page's `title` as heading and what to do: signed-out visitors the sign-in button
 * (which comes back to this page), other accounts a short explanation (`gate.<role>.…`, of the first of `roles`).
 * The server checks the role anyway.
 */
export function RoleGate({ title, children, ...gate }: Gate & { title: string; children: ReactNode }) {
  const allowed: readonly [GatedRole, ...GatedRole[]] = gate.roles ?? [gate.role]
  const role = allowed[0]
  const { t } = useTranslation()
  const { tokens, me, isLoading } = useMe()
  const { pathname } = useLocation()
  let body: ReactNode
  if (!tokens) {
    body = (
      <>
        <Paragraph>{t(`gate.${role}.needLogin`)}</Paragraph>
        <AppButtonLink to={`/login?next=${encodeURIComponent(pathname)}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  } else if (isLoading) {
    body = <Loading />
  } else if (!me) {
    body = (
      <Alert type="error" role="alert">
        <Paragraph>{t('errors.loadFailed')}</Paragraph>
      </Alert>
    )
  } else if (!allowed.some((r) => me.roles.includes(r))) {
    body = (
      <>
        <div className="meedoen-notice" role="note">
          <Paragraph>{t(`gate.${role}.notAllowed`)}</Paragraph>
          <Paragraph>{t(`gate.${role}.notAllowedHelp`)}</Paragraph>
        </div>
        <AppButtonLink to="/" appearance="secondary">
          {t('app.toHome')}
        </AppButtonLink>
      </>
    )
  } else {
    return <>{children}</>
  }
  return (
    <>
      <Heading1>{title}</Heading1>
      {body}
    </>
  )
}
