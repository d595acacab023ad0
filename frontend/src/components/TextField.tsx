import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea, Textbox } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { translateError } from '../i18n/errors'

interface Props {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** An API field error code, shown translated next to the field. */
  error?: string | undefined
  description?: string
  type?: 'text' | 'email' | 'password' | 'search'
  autoComplete?: string
  required?: boolean
  multiline?: boolean
  maxLength?: number
}

export function TextField({ id, label, value, onChange, error, description, type = 'text', autoComplete, required, multiline, maxLength }: Props) {
  const { i18n } = useTranslation()
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  const describedBy = [errId, descId].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: id,
    value,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    required,
    maxLength,
  }
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{translateError(error, i18n.language)}</FormFieldErrorMessage> : undefined}
      input={
        multiline ? (
          <Textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <Textbox {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
        )
      }
    />
  )
}
