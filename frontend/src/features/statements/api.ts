// The statement API calls and query keys: my statements (list, make, the PDF, revoke) and checking one by its code.
import { client } from '../../api/client'
import { expectOk, unwrap } from '../../api/errors'
import type { MyStatement, StatementLang, VerifiedStatement } from './types'

export const statementKeys = {
  all: ['statements'] as const,
  /** The signed-in resident's statements. */
  mine: () => [...statementKeys.all, 'mine'] as const,
  /** A statement checked by its (normalised) code. */
  verify: (code: string) => [...statementKeys.all, 'verify', code] as const,
}

/** The signed-in resident's statements, newest first (revoked ones too). */
export async function listStatements(): Promise<MyStatement[]> {
  return unwrap(await client.GET('/api/v1/me/statements')).items
}

/** Makes a statement of the days `from` to `to` (`YYYY-MM-DD`, at most 366 days) in `lang`; the figures are fixed now. */
export async function createStatement(from: string, to: string, lang: StatementLang): Promise<MyStatement> {
  return unwrap(await client.POST('/api/v1/me/statements', { body: { from, to, lang } }))
}

/** One of my statements as a PDF, fetched with the access token (a plain link cannot send it). */
export async function statementPdf(code: string): Promise<Blob> {
  const result = await client.GET('/api/v1/me/statements/{code}.pdf', { params: { path: { code } }, parseAs: 'blob' })
  return unwrap(result)
}

/** Revokes one of my statements: its code no longer checks out. */
export async function revokeStatement(code: string): Promise<void> {
  expectOk(await client.DELETE('/api/v1/statements/{code}', { params: { path: { code } } }))
}

/** Checks a statement by its code (anyone, no sign-in); 404 when the code is unknown or revoked. */
export async function verifyStatement(code: string): Promise<VerifiedStatement> {
  return unwrap(await client.GET('/api/v1/statements/{code}', { params: { path: { code } } }))
}
