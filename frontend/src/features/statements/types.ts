// Wire types of participation statements, straight from the server's schema (src/api/schema.ts).
import { localeValues, type components } from '../../api/schema'

type S = components['schemas']

export type MyStatement = S['MyStatement']
export type MyStatementList = S['MyStatementList']
export type VerifiedStatement = S['VerifiedStatement']
export type StatementLine = S['StatementLine']
export type StatementLang = S['Locale']
/** The languages a statement can be made in: Dutch, English. */
export const STATEMENT_LANGS: readonly StatementLang[] = localeValues
