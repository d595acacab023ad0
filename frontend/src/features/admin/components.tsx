// Building blocks shared by the admin pages: the admin-only gate, filter links, an inline confirmation and the
// district checklist. (Fields are the shared ones in src/components, with errorScope="admin".)
import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { toApiError } from '../../api/errors'
import { useMe } from '../../auth/useSession'
import { AppButtonLink, AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { translateError } from '../../i18n/errors'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import type { DistrictNode } from './types'
import './texts'

/** Field codes of a mutation's error, plus a top-level code moved to a field (e.g. tag_exists → key). */
export function fieldErrors(error: unknown, topLevelToField: Record<string, string> = {}): { fields: Record<string, string>; formError?: string } {
  if (!error) return { fields: {} }
  const e = toApiError(error)
  const fields = e.fieldCodes()
  const field = topLevelToField[e.code]
  if (field) fields[field] = e.code
  return Object.keys(fields).length > 0 ? { fields } : { fields, formError: e.code }
}

/**
 * The page heading, then the content for admins only: signed-out visitors get the sign-in prompt, other
 * accounts a short explanation (the server refuses them anyway).
 */
export function AdminGate({ title, back = true, children }: { title: string; back?: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  useDocumentTitle(title)
  const { tokens, me, isLoading } = useMe()
  const { pathname } = useLocation()
  let body: ReactNode
  if (!tokens) {
    body = (
      <>
        <Paragraph>{t('admin.needLogin')}</Paragraph>
        <AppButtonLink to={`/login?next=${encodeURIComponent(pathname)}`}>{t('app.login')}</AppButtonLink>
      </>
    )
  } else if (isLoading) {
    body = <Loading />
  } else if (!me?.roles.includes('admin')) {
    body = (
      <>
        <Paragraph>{t('admin.notAllowed')}</Paragraph>
        <Paragraph>{t('admin.notAllowedHelp')}</Paragraph>
        <AppButtonLink to="/" appearance="secondary">
          {t('app.toHome')}
        </AppButtonLink>
      </>
    )
  } else {
    body = (
      <>
        {back && (
          <Paragraph>
            <AppLink to="/admin">{t('admin.back')}</AppLink>
          </Paragraph>
        )}
        {children}
      </>
    )
  }
  return (
    <>
      <Heading1>{title}</Heading1>
      {body}
    </>
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

/**
 * Checkboxes for areas and districts, grouped per municipality. Retired ones are left out unless they are
 * chosen now (so they can be unticked).
 */
export function DistrictChecklist({
  id,
  legend,
  help,
  tree,
  value,
  onChange,
  error,
}: {
  id: string
  legend: string
  help?: string
  tree: readonly DistrictNode[]
  value: string[]
  onChange: (ids: string[]) => void
  error?: string | undefined
}) {
  const { t, i18n } = useTranslation()
  const helpId = help ? `${id}-help` : undefined
  const errId = error ? `${id}-error` : undefined
  const shown = (n: DistrictNode) => !n.retired || value.includes(n.id)
  const box = (n: DistrictNode, label: string) => {
    const boxId = `${id}-${n.id}`
    return (
      <FormField
        key={n.id}
        type="checkbox"
        label={
          <FormLabel htmlFor={boxId} type="checkbox">
            <Checkbox
              id={boxId}
              name={id}
              value={n.id}
              checked={value.includes(n.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, n.id] : value.filter((x) => x !== n.id))}
            />{' '}
            {label}
            {n.retired ? ` (${t('admin.districts.retired')})` : ''}
          </FormLabel>
        }
      />
    )
  }
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={[errId, helpId].filter(Boolean).join(' ') || undefined} className="admin-checks">
      <FieldsetLegend className="admin-checks__legend">{legend}</FieldsetLegend>
      {help && <FormFieldDescription id={helpId}>{help}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errId}>{translateError(error, i18n.language, { scope: 'admin', field: 'district_ids' })}</FormFieldErrorMessage>}
      {tree.filter(shown).map((m) => (
        <Fieldset key={m.id} className="admin-checks__municipality">
          <FieldsetLegend className="admin-checks__municipality-legend">{m.name}</FieldsetLegend>
          {m.children.filter(shown).map((a) =>
            a.kind === 'area' ? (
              <div key={a.id} className="admin-checks__area">
                {box(a, t('admin.workers.wholeArea', { name: a.name }))}
                <div className="admin-checks__districts">{a.children.filter(shown).map((d) => box(d, d.name))}</div>
              </div>
            ) : (
              box(a, a.name)
            ),
          )}
        </Fieldset>
      ))}
    </Fieldset>
  )
}
