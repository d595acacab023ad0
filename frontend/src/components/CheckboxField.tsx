import { Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'
import { describedBy } from './describedBy'

/** One checkbox with its label, an optional description and its API error. */
export function CheckboxField({
  id,
  label,
  description,
  checked,
  onChange,
  error,
  errorScope,
}: {
  id: string
  label: string
  description?: string
  checked: boolean
  onChange: (v: boolean) => void
  error?: string | undefined
  errorScope?: ErrorScope | undefined
}) {
  const errorText = useErrorText(errorScope)
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  return (
    <FormField
      type="checkbox"
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id} type="checkbox">
          <Checkbox
            id={id}
            name={id}
            checked={checked}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(errId, descId)}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{errorText(error, { field: id })}</FormFieldErrorMessage> : undefined}
    />
  )
}
