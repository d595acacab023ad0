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

interface Result<T> {
  data?: T
  error?: unknown
  response: Response
}

/** Returns the data of an openapi-fetch result, or throws an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    const err = result.error
    throw new ApiError(result.response.status, err && typeof err === 'object' ? (err as Partial<Problem>) : undefined)
  }
  return result.data as T
}

/** Turns any thrown value into an ApiError (a failed fetch becomes status 0, `network_error`). */
export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, undefined)
}
