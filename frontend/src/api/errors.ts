import type { components } from './schema'

export type Problem = components['schemas']['Problem']
export type FieldError = components['schemas']['FieldError']

/** An API error with the problem+json body the server sent (or a made-up one for network failures). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldError[]

  constructor(status: number, problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = problem?.code ?? (status === 0 ? 'network_error' : 'unknown')
    this.fieldErrors = problem?.errors ?? []
  }

  /** The first field error code per field name. */
  fieldCodes(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.fieldErrors) if (!(e.field in out)) out[e.field] = e.code
    return out
  }
}

/**
 * What the typed client (openapi-fetch) answers for one call: the data of the success response, or the error body
 * (the document's Problem; a proxy's HTML page arrives as text). `data` may be missing on the success side only
 * for answers without a body (204), which `expectOk` is for.
 */
export type Outcome<D> =
  | { data: D | undefined; error?: never; response: Response }
  | { data?: never; error: Partial<Problem> | string; response: Response }

/** Throws an ApiError for an error answer (an empty error body gives just the status). */
export function expectOk(result: Outcome<unknown>): void {
  if (result.error !== undefined) {
    throw new ApiError(result.response.status, typeof result.error === 'object' ? result.error : undefined)
  }
  if (!result.response.ok) throw new ApiError(result.response.status, undefined)
}

/** The data of a success answer, typed by the called operation; an error answer (or one without its body) throws. */
export function unwrap<D>(result: Outcome<D>): D {
  expectOk(result)
  if (result.data === undefined) throw new ApiError(result.response.status, undefined)
  return result.data
}

/** Turns any thrown value into an ApiError (a failed fetch becomes status 0, `network_error`). */
export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, undefined)
}
