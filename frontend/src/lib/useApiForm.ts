import { useMutation } from '@tanstack/react-query'
import { toApiError } from '../api/errors'

export interface ApiFormOptions {
  /** Top-level codes that belong to one field, e.g. `{ tag_exists: 'key' }`: shown next to that field. */
  codeFields?: Readonly<Record<string, string>>
  /**
   * The fields the form shows (all when left out). An error on another field is shown above the form, as a field
   * the user cannot see cannot carry it.
   */
  shownFields?: readonly string[]
}

/** Whether the API field `field` is `name` or a part of it (`name[0]`, `name.start`). */
function isPartOf(field: string, name: string): boolean {
  return field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`)
}

/** The error code of field `name` or of a part of it (`name[0]`, `name.start`): the one field-error lookup. */
export function fieldError(fields: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(fields, name)) return fields[name]
  const key = Object.keys(fields).find((f) => isPartOf(f, name))
  return key ? fields[key] : undefined
}

/** An API error split into the codes next to fields (the first per field) and the one code above the form. */
function formErrors(error: unknown, { codeFields = {}, shownFields }: ApiFormOptions): { fields: Record<string, string>; formError: string | undefined } {
  if (!error) return { fields: {}, formError: undefined }
  const e = toApiError(error)
  const fields = e.fieldCodes()
  const field = Object.hasOwn(codeFields, e.code) ? codeFields[e.code] : undefined
  if (field) fields[field] = e.code
  const names = Object.keys(fields)
  if (names.length === 0) return { fields, formError: e.code }
  const unseen = shownFields ? names.find((f) => !shownFields.some((name) => isPartOf(f, name))) : undefined
  return { fields, formError: unseen ? fields[unseen] : undefined }
}

/**
 * A form submission against the API, and the one place that reads its field errors: `fields` (API field name →
 * code) go next to their fields, `formError` is the code to show once above the form (nothing when every problem
 * is on a field). `submit` may take the variables given to `mutation.mutate`.
 */
export function useApiForm<T, V = void>(submit: (variables: V) => Promise<T>, onSuccess?: (data: T, variables: V) => void, options: ApiFormOptions = {}) {
  const mutation = useMutation({ mutationFn: submit, onSuccess })
  return { mutation, ...formErrors(mutation.error, options) }
}
