import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react'
import type { ReactNode, Ref } from 'react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'
import { describedBy } from './describedBy'

/**
 * A fieldset with a legend, an optional help text and the error of the whole group. With `legendRef` the legend
 * can take the focus (a wizard moves it there on a new step). Help and error get ids only when `id` is given.
 */
export function FieldGroup({
  id,
  legend,
  legendRef,
  help,
  error,
  errorScope,
  errorField,
  className,
  children,
}: {
  id?: string | undefined
  legend: string
  legendRef?: Ref<HTMLSpanElement> | undefined
  help?: string | undefined
  error?: string | undefined
  errorScope?: ErrorScope | undefined
  /** The field's name in the API, for a scope's `field.code` text; the id when not given. */
  errorField?: string | undefined
  className?: string | undefined
  children: ReactNode
}) {
  const errorText = useErrorText(errorScope)
  const helpId = help && id ? `${id}-help` : undefined
  const errId = error && id ? `${id}-error` : undefined
  return (
    <Fieldset id={id} className={['meedoen-step', className].filter(Boolean).join(' ')} invalid={Boolean(error)} aria-describedby={describedBy(errId, helpId)}>
      <FieldsetLegend className="meedoen-step__legend">
        {legendRef ? (
          <span ref={legendRef} tabIndex={-1}>
            {legend}
          </span>
        ) : (
          legend
        )}
      </FieldsetLegend>
      {help && <FormFieldDescription id={helpId}>{help}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errId}>{errorText(error, { field: errorField ?? id })}</FormFieldErrorMessage>}
      {children}
    </Fieldset>
  )
}
