// Small building blocks of the organisation pages: fields that show our own error texts, choice groups,
// status badges and the district checklist.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import type { DistrictNode } from '../../api/types'
import { translateError } from '../../i18n/errors'

/** Translates an API error code: our own texts first (organisation.errors.*), then the app's. */
export function useErrorText() {
  const { t, i18n } = useTranslation()
  return (code: string | undefined) => {
    if (code && i18n.exists(`organisation.errors.${code}`)) return t(`organisation.errors.${code}`)
    return translateError(code, i18n.language)
  }
}

/** A translated API error; with `onRetry`, a button to try again. */
export function OrgErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const text = useErrorText()
  return (
    <Alert type="error" role="alert">
      <Paragraph>{text(toApiError(error).code)}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  )
}

export function OrgFormError({ code }: { code: string | undefined }) {
  const text = useErrorText()
  if (!code) return null
  return (
    <Alert type="error" role="alert">
      <Paragraph>{text(code)}</Paragraph>
    </Alert>
  )
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  )
}

interface FieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  description?: string
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time'
  inputMode?: 'numeric' | 'text'
  autoComplete?: string
  required?: boolean
  multiline?: boolean
  maxLength?: number
  className?: string
}

/** A labelled text input with its description and its API error next to it. */
export function Field({ id, label, value, onChange, error, description, type = 'text', inputMode, autoComplete, required, multiline, maxLength, className }: FieldProps) {
  const text = useErrorText()
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  const common = {
    id,
    name: id,
    value,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [errId, descId].filter(Boolean).join(' ') || undefined,
    required,
    maxLength,
  }
  return (
    <FormField
      className={className}
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{text(error)}</FormFieldErrorMessage> : undefined}
      input={
        multiline ? (
          <Textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <Textbox {...common} type={type} inputMode={inputMode} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
        )
      }
    />
  )
}

export function SelectField({
  id,
  label,
  value,
  onChange,
  error,
  description,
  children,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  description?: string
  children: ReactNode
}) {
  const text = useErrorText()
  const descId = description ? `${id}-description` : undefined
  const errId = error ? `${id}-error` : undefined
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{text(error)}</FormFieldErrorMessage> : undefined}
      input={
        <Select
          id={id}
          name={id}
          value={value}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errId, descId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          {children}
        </Select>
      }
    />
  )
}

export { SelectOption }

/** A fieldset with a legend, an optional help text and the error of the whole group. */
export function Group({
  id,
  legend,
  help,
  error,
  children,
  className,
}: {
  id: string
  legend: string
  help?: string | undefined
  error?: string | undefined
  children: ReactNode
  className?: string
}) {
  const text = useErrorText()
  const helpId = help ? `${id}-help` : undefined
  const errId = error ? `${id}-error` : undefined
  return (
    <Fieldset
      id={id}
      className={['meedoen-step', className].filter(Boolean).join(' ')}
      invalid={Boolean(error)}
      aria-describedby={[errId, helpId].filter(Boolean).join(' ') || undefined}
    >
      <FieldsetLegend className="meedoen-step__legend">{legend}</FieldsetLegend>
      {help && <FormFieldDescription id={helpId}>{help}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errId}>{text(error)}</FormFieldErrorMessage>}
      {children}
    </Fieldset>
  )
}

export function CheckboxField({
  id,
  label,
  description,
  checked,
  onChange,
  error,
}: {
  id: string
  label: string
  description?: string
  checked: boolean
  onChange: (v: boolean) => void
  error?: string | undefined
}) {
  const text = useErrorText()
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
            aria-describedby={[errId, descId].filter(Boolean).join(' ') || undefined}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{text(error)}</FormFieldErrorMessage> : undefined}
    />
  )
}

export function RadioGroup({
  id,
  legend,
  help,
  options,
  value,
  onChange,
  error,
}: {
  id: string
  legend: string
  help?: string
  options: { key: string; label: string; description?: string }[]
  value: string
  onChange: (v: string) => void
  error?: string | undefined
}) {
  return (
    <Group id={id} legend={legend} help={help} error={error}>
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
    </Group>
  )
}

export function CheckboxGroup({
  id,
  legend,
  help,
  options,
  value,
  onChange,
  error,
}: {
  id: string
  legend: string
  help?: string
  options: { key: string; label: string }[]
  value: readonly string[]
  onChange: (v: string[]) => void
  error?: string | undefined
}) {
  return (
    <Group id={id} legend={legend} help={help} error={error}>
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
    </Group>
  )
}

/**
 * The districts an organisation works in: one group per municipality, with the municipality, its areas
 * and its districts as checkboxes (the server accepts each level; a larger one includes everything in it).
 */
export function DistrictChecklist({
  id,
  tree,
  value,
  onChange,
  error,
}: {
  id: string
  tree: readonly DistrictNode[]
  value: readonly string[]
  onChange: (v: string[]) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  const toggle = (districtId: string, on: boolean) =>
    onChange(on ? [...value, districtId] : value.filter((v) => v !== districtId))
  const box = (node: DistrictNode, label: string) => (
    <CheckboxField key={node.id} id={`${id}-${node.id}`} label={label} checked={value.includes(node.id)} onChange={(on) => toggle(node.id, on)} />
  )
  const live = (nodes: readonly DistrictNode[] | undefined) => (nodes ?? []).filter((n) => !n.retired)
  return (
    <Group id={id} legend={t('organisation.form.districts')} help={t('organisation.form.districtsHelp')} error={error}>
      {live(tree).map((municipality) => (
        <Fieldset key={municipality.id} className="meedoen-step meedoen-org-districts">
          <FieldsetLegend className="meedoen-step__legend">{municipality.name}</FieldsetLegend>
          {box(municipality, t('organisation.form.wholeMunicipality', { name: municipality.name }))}
          <div className="meedoen-org-districts__areas">
            {live(municipality.children).map((child) =>
              child.kind === 'area' ? (
                <Fieldset key={child.id} className="meedoen-org-districts__area">
                  <FieldsetLegend className="meedoen-org-districts__legend">{child.name}</FieldsetLegend>
                  {box(child, t('organisation.form.wholeArea', { name: child.name }))}
                  {live(child.children).map((d) => box(d, d.name))}
                </Fieldset>
              ) : (
                box(child, child.name)
              ),
            )}
          </div>
        </Fieldset>
      ))}
    </Group>
  )
}

/** Every node of the district tree with its kind, in tree order. */
export function flattenTree(nodes: readonly DistrictNode[], parents: string[] = []): (DistrictNode & { path: string[] })[] {
  return nodes.flatMap((n) => [{ ...n, path: parents }, ...flattenTree(n.children ?? [], [...parents, n.name])])
}

/** The names of the chosen districts, areas and municipalities. */
export function districtNames(tree: readonly DistrictNode[], ids: readonly string[]): string[] {
  const all = flattenTree(tree)
  return ids.map((id) => all.find((d) => d.id === id)?.name ?? id)
}

/** The ids inside the subtrees of `roots` (the roots included). */
export function subtreeIds(tree: readonly DistrictNode[], roots: readonly string[]): Set<string> {
  const out = new Set<string>()
  const walk = (nodes: readonly DistrictNode[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || roots.includes(n.id)
      if (here) out.add(n.id)
      walk(n.children ?? [], here)
    }
  }
  walk(tree, false)
  return out
}

/** The first field error per field whose name is `name` or starts with `name[` or `name.`. */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  if (name in fields) return fields[name]
  const key = Object.keys(fields).find((f) => f.startsWith(`${name}[`) || f.startsWith(`${name}.`))
  return key ? fields[key] : undefined
}
