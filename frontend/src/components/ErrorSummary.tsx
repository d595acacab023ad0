import { useEffect, useId, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'

/** Where an API field is in the form: the id of its input (or of its fieldset) and its label as the form shows it. */
export interface SummaryTarget {
  id: string
  label: string
}

/** The fields of a form by API field name (a part such as `name[0]` uses `name`'s), or a function for the form's own rules. */
export type SummaryTargets = Readonly<Record<string, SummaryTarget>> | ((field: string) => SummaryTarget | undefined)

function baseName(field: string): string {
  return field.split(/[[.]/)[0] ?? field
}

function targetOf(targets: SummaryTargets, field: string): SummaryTarget | undefined {
  if (typeof targets === 'function') return targets(field)
  if (Object.hasOwn(targets, field)) return targets[field]
  const base = baseName(field)
  return Object.hasOwn(targets, base) ? targets[base] : undefined
}

/** Focuses the element with `id`, or for a fieldset or other group its first field (the group itself when it has none). */
export function focusField(id: string): void {
  const el = document.getElementById(id)
  if (!el) return
  const focusable = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')
  if (focusable) {
    focusable.focus()
    return
  }
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
  el.focus()
}

/**
 * The error summary of a form (the NL Design System / GOV.UK pattern): after a failed submit it lists every field
 * with a problem at the top of the form, each as a link that moves the focus to that field, and it takes the focus
 * itself so keyboard and screen reader users start there. It takes the focus again whenever `focusKey` changes (a
 * form that checks fields itself gives its attempt count); nothing is shown without field errors.
 */
export function ErrorSummary({
  errors,
  targets,
  scope,
  focusKey,
  onFollow,
}: {
  /** API field name → error code, as useApiForm's `fields` (and a form's own checks) give them. */
  errors: Readonly<Record<string, string>>
  targets: SummaryTargets
  scope?: ErrorScope | undefined
  focusKey?: unknown
  /** Called before a link moves the focus, e.g. to open the wizard step where the field is. */
  onFollow?: ((field: string) => void) | undefined
}) {
  const { t } = useTranslation()
  const errorText = useErrorText(scope)
  const headingId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const fields = Object.keys(errors)
  const shown = fields.length > 0

  useEffect(() => {
    if (shown) ref.current?.focus()
  }, [shown, focusKey])

  if (!shown) return null

  function follow(e: MouseEvent<HTMLAnchorElement>, field: string, id: string) {
    e.preventDefault()
    if (onFollow) {
      onFollow(field)
      // The field may only be there after the next render (another wizard step).
      requestAnimationFrame(() => focusField(id))
    } else {
      focusField(id)
    }
  }

  return (
    // The Utrecht Alert puts its role on an inner element; here the focused element itself is the named alert.
    <div ref={ref} role="alert" aria-labelledby={headingId} tabIndex={-1} className="utrecht-alert utrecht-alert--error meedoen-error-summary">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id={headingId} className="utrecht-heading-3 meedoen-error-summary__title">
            {t('form.errorSummary')}
          </h2>
          <ul className="meedoen-error-summary__list">
            {fields.map((field) => {
              const target = targetOf(targets, field)
              const message = errorText(errors[field], { field: baseName(field) })
              return (
                <li key={field}>
                  {target ? (
                    <a className="utrecht-link utrecht-link--html-a" href={`#${target.id}`} onClick={(e) => follow(e, field, target.id)}>
                      {target.label}: {message}
                    </a>
                  ) : (
                    message
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      </div>
    </div>
  )
}
