// A group of checkboxes (several answers) and a group of radio buttons (one answer), each in a FieldGroup.
import { FormField, FormFieldDescription, FormLabel, RadioButton } from '@utrecht/component-library-react'
import type { Ref } from 'react'
import type { ErrorScope } from '../i18n/errors'
import { CheckboxField } from './CheckboxField'
import { FieldGroup } from './FieldGroup'

interface GroupProps {
  id: string
  legend: string
  help?: string | undefined
  error?: string | undefined
  errorScope?: ErrorScope | undefined
  /** The field's name in the API, for a scope's `field.code` text; the id when not given. */
  errorField?: string | undefined
  legendRef?: Ref<HTMLSpanElement> | undefined
}

/** Checkboxes with ids `${id}-${key}`; the value is the list of ticked keys. */
export function CheckboxGroup({
  options,
  value,
  onChange,
  ...group
}: GroupProps & {
  options: readonly { key: string; label: string }[]
  value: readonly string[]
  onChange: (v: string[]) => void
}) {
  const { id } = group
  return (
    <FieldGroup {...group}>
      <div className="meedoen-choices">
        {options.map((o) => (
          <CheckboxField
            key={o.key}
            id={`${id}-${o.key}`}
            label={o.label}
            checked={value.includes(o.key)}
            onChange={(c) => onChange(c ? [...value, o.key] : value.filter((k) => k !== o.key))}
          />
        ))}
      </div>
    </FieldGroup>
  )
}

/** Radio buttons with ids `${id}-${key}`, each with an optional description; `onChange` gets the chosen key. */
export function RadioGroup<K extends string>({
  options,
  value,
  onChange,
  ...group
}: GroupProps & {
  options: readonly { key: K; label: string; description?: string }[]
  value: K
  onChange: (v: K) => void
}) {
  const { id } = group
  return (
    <FieldGroup {...group}>
      {options.map((o) => (
        <FormField
          key={o.key}
          type="radio"
          label={
            <FormLabel htmlFor={`${id}-${o.key}`} type="radio">
              <RadioButton
                id={`${id}-${o.key}`}
                name={id}
                value={o.key}
                checked={value === o.key}
                aria-describedby={o.description ? `${id}-${o.key}-description` : undefined}
                onChange={() => onChange(o.key)}
              />{' '}
              {o.label}
            </FormLabel>
          }
          description={o.description ? <FormFieldDescription id={`${id}-${o.key}-description`}>{o.description}</FormFieldDescription> : undefined}
        />
      ))}
    </FieldGroup>
  )
}
