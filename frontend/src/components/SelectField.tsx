import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'
import { describedBy } from './describedBy'

export { SelectOption }

/** A labelled select with its description and its API error next to it; the choices as `options` or as children. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  children,
  error,
  errorScope,
  errorField,
  description,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  options?: readonly { value: string; label: string; disabled?: boolean }[]
  children?: ReactNode
  error?: string | undefined
  errorScope?: ErrorScope
  /** The field's name in the API, for a scope's `field.code` text; the id when not given. */
  errorField?: string
  description?: string | undefined
}) {
  const errorText = useErrorText(errorScope)
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{errorText(error, { field: errorField ?? id })}</FormFieldErrorMessage> : undefined}
      input={
        <Select
          id={id}
          name={id}
          value={value}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(errId, descId)}
          onChange={(e) => onChange(e.target.value)}
        >
          {options?.map((o) => (
            <SelectOption key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </SelectOption>
          ))}
          {children}
        </Select>
      }
    />
  )
}
