// Building blocks shared by the admin pages: the link back, filter links and an inline confirmation. (The gate,
// the fields and the district checklist are the shared ones in src/components, with errorScope="admin".)
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { AppLink } from '../../components/AppLink'
import './texts'

/** The link back to the administration's start page, under a page's heading. */
export function BackToAdmin() {
  const { t } = useTranslation()
  return (
    <Paragraph>
      <AppLink to="/admin">{t('admin.back')}</AppLink>
    </Paragraph>
  )
}

/** Links that filter a list (kept in the URL), the current one marked. */
export function FilterLinks({ label, items }: { label: string; items: { to: string; text: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="admin-filter">
      <ul className="admin-filter__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={item.current ? 'admin-filter__link admin-filter__link--current' : 'admin-filter__link'}
              aria-current={item.current ? 'page' : undefined}
              end
            >
              {item.text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * An inline confirmation: it takes the focus when it opens, so keyboard and screen reader users land on the
 * question; the caller gives the focus back to its opener on cancel.
 */
export function Confirm({
  id,
  question,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger = true,
}: {
  id: string
  question: string
  children?: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  busy: boolean
  danger?: boolean
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby={`${id}-question`} className="admin-confirm">
      <p id={`${id}-question`} className="admin-confirm__question">
        {question}
      </p>
      {children}
      <ButtonGroup className="admin-actions">
        <Button appearance="primary-action-button" hint={danger ? 'danger' : undefined} busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={onCancel}>
          {t('admin.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  )
}

/** Visible text plus words only screen readers hear, so every button says what it acts on. */
export function ButtonText({ text, hidden }: { text: string; hidden: string }) {
  return (
    <>
      {text} <span className="meedoen-visually-hidden">{hidden}</span>
    </>
  )
}
