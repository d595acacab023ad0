import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea, Textbox } from '@utrecht/component-library-react'
import type { ErrorScope } from '../i18n/errors'
import { useErrorText } from '../i18n/useErrorText'
import { describedBy } from './describedBy'

interface Props {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** An API field error code, shown translated next to the field. */
  error?: string | undefined
  /** Whose wording the error gets (see translateError). */
  errorScope?: ErrorScope
  /** The field's name in the API, for a scope's `field.code` text; the id when not given. */
  errorField?: string
  description?: string
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'date' | 'time'
  inputMode?: 'numeric' | 'text'
  autoComplete?: string
  required?: boolean
  multiline?: boolean
  /** Rows of a multiline field. */
  rows?: number
  maxLength?: number
  className?: string
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  errorScope,
  errorField,
  description,
  type = 'text',
  inputMode,
  autoComplete,
  required,
  multiline,
  rows = 4,
  maxLength,
  className,
}: Props) {
  const errorText = useErrorText(errorScope)
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  const common = {
    id,
    name: id,
    value,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(errId, descId),
    required,
    maxLength,
  }
  return (
    <FormField
      className={className}
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{errorText(error, { field: errorField ?? id })}</FormFieldErrorMessage> : undefined}
      input={
        multiline ? (
          <Textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <Textbox {...common} type={type} inputMode={inputMode} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
        )
      }
    />
  )
}
