import { useMutation } from '@tanstack/react-query'
import { toApiError } from '../api/errors'

/**
 * A form submission against the API: field errors (by field name) go next to their fields,
 * any other error code is shown once above the form.
 */
export function useApiForm<T>(submit: () => Promise<T>, onSuccess?: (data: T) => void) {
  const mutation = useMutation({ mutationFn: submit, onSuccess })
  const error = mutation.error ? toApiError(mutation.error) : undefined
  const fields = error?.fieldCodes() ?? {}
  const hasFieldErrors = Object.keys(fields).length > 0
  return {
    mutation,
    fields,
    /** The error code to show above the form, if it is not about single fields. */
    formError: error && !hasFieldErrors ? error.code : undefined,
  }
}
