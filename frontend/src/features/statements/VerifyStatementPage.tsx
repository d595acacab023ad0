import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { describedBy } from '../../components/describedBy'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { formatDay, localDate } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { statementKeys, verifyStatement } from './api'
import { isCode, normaliseCode } from './code'
import { hoursText, periodText } from './format'
import type { VerifiedStatement } from './types'
import './statements.css'
import './texts'

/**
 * "Verklaring controleren" (/verklaring and /verklaring/:code), for anyone, signed in or not: the PDF of a
 * statement prints this page's address with its code. Without a code, a form to type one; with a code, whether it
 * checks out and, if so, the same figures as on the PDF. The code may be typed in any case, with or without the dash.
 */
export default function VerifyStatementPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('participationStatement.verify.title'))
  const { code: raw } = useParams()
  return (
    <>
      <Heading1>{t('participationStatement.verify.title')}</Heading1>
      {raw === undefined ? (
        <>
          <Paragraph>{t('participationStatement.verify.intro')}</Paragraph>
          <CodeForm />
        </>
      ) : (
        <CheckedStatement key={raw} raw={raw} />
      )}
    </>
  )
}

/** The outcome of checking a code, then the form to check another one (with the code in it when it did not check out). */
function CheckedStatement({ raw }: { raw: string }) {
  const { t } = useTranslation()
  const code = normaliseCode(raw)
  const wellFormed = isCode(code)
  const checked = useQuery({
    queryKey: statementKeys.verify(code),
    queryFn: () => verifyStatement(code),
    enabled: wellFormed,
    // A 404 is the answer, not a hiccup: no second try.
    retry: (failures, error) => toApiError(error).status !== 404 && failures < 1,
  })
  const notFound = !wellFormed || (checked.isError && toApiError(checked.error).status === 404)
  return (
    <>
      {wellFormed && checked.isPending && <Loading />}
      {notFound && (
        <Alert type="error" role="alert">
          <Paragraph>
            <strong>{t('participationStatement.verify.notFound')}</strong>
          </Paragraph>
          <Paragraph>{t('participationStatement.verify.notFoundHelp')}</Paragraph>
        </Alert>
      )}
      {checked.isError && !notFound && <ErrorAlert error={checked.error} onRetry={() => void checked.refetch()} />}
      {checked.data && <StatementView statement={checked.data} />}
      {!(wellFormed && checked.isPending) && (
        <section className="meedoen-verify__another" aria-labelledby="verify-another">
          <Heading2 id="verify-another">{t('participationStatement.verify.another')}</Heading2>
          <CodeForm key={notFound ? 'correct' : 'another'} initial={notFound ? raw : ''} />
        </section>
      )}
    </>
  )
}

/** A statement that checks out: it says so, then who, which period, when it was made, and the table of activities. */
function StatementView({ statement: s }: { statement: VerifiedStatement }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <>
      <Alert type="ok" role="status">
        <Paragraph>
          <strong>{t('participationStatement.verify.valid', { code: s.code })}</strong>
        </Paragraph>
        <Paragraph>{t('participationStatement.verify.same')}</Paragraph>
      </Alert>
      <section className="meedoen-verify__details" aria-labelledby="verify-details">
        <Heading2 id="verify-details">{t('participationStatement.verify.details')}</Heading2>
        <dl className="meedoen-verify__facts">
          <div>
            <dt>{t('participationStatement.verify.name')}</dt>
            <dd>{s.resident_name}</dd>
          </div>
          <div>
            <dt>{t('participationStatement.verify.period')}</dt>
            <dd>{periodText(s.from, s.to, t, lang)}</dd>
          </div>
          <div>
            <dt>{t('participationStatement.verify.issued')}</dt>
            <dd>
              <time dateTime={s.issued_at}>{formatDay(localDate(new Date(s.issued_at)), lang)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('participationStatement.verify.code')}</dt>
            <dd className="meedoen-statements__code">{s.code}</dd>
          </div>
        </dl>
        {s.items.length === 0 ? (
          <Paragraph>{t('participationStatement.verify.empty', { name: s.resident_name })}</Paragraph>
        ) : (
          <Table className="meedoen-verify__table">
            <TableCaption className="meedoen-verify__caption">{t('participationStatement.verify.activities', { name: s.resident_name })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('participationStatement.verify.activity')}</TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t('participationStatement.verify.sessions')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t('participationStatement.verify.hours')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.items.map((item, index) => (
                <TableRow key={`${index}-${item.offer_title}`}>
                  <TableHeaderCell scope="row">
                    <span className="meedoen-verify__title">{item.offer_title}</span>
                    <span className="meedoen-verify__detail">{t('participationStatement.verify.organisation', { name: item.organisation_name })}</span>
                    <span className="meedoen-verify__detail">{t('participationStatement.verify.kind', { kind: t(`kind.${item.kind}`) })}</span>
                  </TableHeaderCell>
                  <TableCell numericColumn>{item.sessions_present}</TableCell>
                  <TableCell numericColumn>{hoursText(item.hours, t, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row">{t('participationStatement.verify.total')}</TableHeaderCell>
                <TableCell numericColumn>{s.sessions_present}</TableCell>
                <TableCell numericColumn>{hoursText(s.hours, t, lang)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        )}
      </section>
    </>
  )
}

const CODE_ID = 'statement-code'

/** The form to type a code: checked here for its form, then opened as /verklaring/<code>, written as on the PDF. */
function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<'required' | 'invalid' | null>(null)
  const input = useRef<HTMLInputElement>(null)

  function submit(e: FormEvent) {
    e.preventDefault()
    const problem = value.trim() === '' ? 'required' : isCode(value) ? null : 'invalid'
    setError(problem)
    if (problem) {
      input.current?.focus()
      return
    }
    void navigate(`/verklaring/${encodeURIComponent(normaliseCode(value))}`)
  }

  const helpId = `${CODE_ID}-help`
  const errorId = error ? `${CODE_ID}-error` : undefined
  return (
    <form className="meedoen-verify__form" onSubmit={submit} noValidate>
      <FormField
        invalid={error !== null}
        label={<FormLabel htmlFor={CODE_ID}>{t('participationStatement.verify.label')}</FormLabel>}
        description={<FormFieldDescription id={helpId}>{t('participationStatement.verify.help')}</FormFieldDescription>}
        errorMessage={
          error ? <FormFieldErrorMessage id={errorId}>{t(`participationStatement.verify.${error}`)}</FormFieldErrorMessage> : undefined
        }
        input={
          <Textbox
            ref={input}
            id={CODE_ID}
            name={CODE_ID}
            className="meedoen-verify__code"
            value={value}
            invalid={error !== null}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(errorId, helpId)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
          />
        }
      />
      <div>
        <Button type="submit" appearance="primary-action-button">
          {t('participationStatement.verify.submit')}
        </Button>
      </div>
    </form>
  )
}
