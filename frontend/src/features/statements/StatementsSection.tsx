import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading2, Heading3, Paragraph, RadioButton } from '@utrecht/component-library-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/errors'
import { FieldGroup } from '../../components/FieldGroup'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InlineConfirm, useInlineConfirm } from '../../components/InlineConfirm'
import { Loading } from '../../components/Loading'
import { formatDateTime } from '../../lib/dates'
import { saveFile } from '../../lib/saveFile'
import { formatDay, localDate } from '../../lib/schedule'
import { createStatement, listStatements, revokeStatement, statementKeys, statementPdf } from './api'
import { hoursText, pdfName, periodText } from './format'
import { STATEMENT_LANGS, type MyStatement, type StatementLang } from './types'
import './statements.css'
import './texts'

/**
 * "Verklaring voor je klantmanager" on "Mijn deelname": a statement of the period the page shows (up to today: the
 * figures are fixed when it is made), in Dutch or English. After making it, a status message with its code takes
 * the focus, with the button to download the PDF. Below, every statement made before, each with its PDF and, while
 * its code still works, "Code intrekken" (asked inline first).
 */
export function StatementsSection({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const queryClient = useQueryClient()
  const today = localDate()
  const until = to > today ? today : to
  const [language, setLanguage] = useState<StatementLang>(lang === 'en' ? 'en' : 'nl')
  const statements = useQuery({ queryKey: statementKeys.mine(), queryFn: listStatements })
  const create = useMutation({
    mutationFn: (period: { from: string; to: string; lang: StatementLang }) => createStatement(period.from, period.to, period.lang),
    onSuccess: (made) => {
      if (queryClient.getQueryData(statementKeys.mine())) {
        queryClient.setQueryData<MyStatement[]>(statementKeys.mine(), (list) => [made, ...(list ?? []).filter((s) => s.code !== made.code)])
      } else {
        void queryClient.invalidateQueries({ queryKey: statementKeys.mine() })
      }
    },
  })

  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate({ from, to: until, lang: language })
  }

  return (
    <section className="meedoen-statements" aria-labelledby="statements-title">
      <Heading2 id="statements-title">{t('participationStatement.mine.title')}</Heading2>
      <Paragraph>{t('participationStatement.mine.intro')}</Paragraph>
      <Paragraph>{t('participationStatement.mine.codeInfo')}</Paragraph>
      <form className="meedoen-statements__form" onSubmit={submit} noValidate>
        <Paragraph id="statements-period">{t('participationStatement.mine.periodText', { from: formatDay(from, lang), to: formatDay(until, lang) })}</Paragraph>
        <FieldGroup id="statement-lang" legend={t('participationStatement.mine.language')}>
          {STATEMENT_LANGS.map((key) => (
            <FormField
              key={key}
              type="radio"
              label={
                <FormLabel htmlFor={`statement-lang-${key}`} type="radio">
                  <RadioButton
                    id={`statement-lang-${key}`}
                    name="statement-lang"
                    value={key}
                    checked={language === key}
                    onChange={() => setLanguage(key)}
                  />{' '}
                  {/* Each language's name in that language, like the language switch. */}
                  <span lang={key}>{t(`participationStatement.lang.${key}`)}</span>
                </FormLabel>
              }
            />
          ))}
        </FieldGroup>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending} aria-describedby="statements-period">
            {create.isPending ? t('participationStatement.mine.making') : t('participationStatement.mine.make')}
          </Button>
        </div>
      </form>
      {create.isError && <ErrorAlert error={create.error} text={createErrorText(create.error, t)} />}
      {create.data && <MadeStatement key={create.data.code} statement={create.data} />}

      <Heading3 id="statements-list">{t('participationStatement.mine.list')}</Heading3>
      {statements.isPending && <Loading />}
      {statements.isError && <ErrorAlert error={statements.error} onRetry={() => void statements.refetch()} />}
      {statements.isSuccess && statements.data.length === 0 && <Paragraph>{t('participationStatement.mine.none')}</Paragraph>}
      {statements.isSuccess && statements.data.length > 0 && (
        <ul className="meedoen-statements__list" aria-labelledby="statements-list">
          {statements.data.map((statement) => (
            <StatementItem key={statement.code} statement={statement} />
          ))}
        </ul>
      )}
    </section>
  )
}

/** A 422 on the period in words (the form has no date fields: the period is the page's); other errors as usual. */
function createErrorText(error: unknown, t: TFunction): string | undefined {
  const e = toApiError(error)
  if (e.status !== 422) return undefined
  return Object.values(e.fieldCodes()).includes('out_of_range') ? t('participationStatement.mine.periodTooLong') : t('participationStatement.mine.periodInvalid')
}

/** Fetching a statement's PDF with the access token (a plain link cannot send it) and saving it. */
function usePdfDownload(code: string) {
  return useMutation({
    mutationFn: () => statementPdf(code),
    onSuccess: (blob) => saveFile(blob, pdfName(code)),
  })
}

/** The button of a PDF download: it says it is busy while the file comes. */
function PdfButton({
  download,
  text,
  label,
  appearance = 'secondary-action-button',
}: {
  download: ReturnType<typeof usePdfDownload>
  text: string
  label?: string
  appearance?: 'primary-action-button' | 'secondary-action-button'
}) {
  const { t } = useTranslation()
  return (
    <Button
      appearance={appearance}
      busy={download.isPending}
      disabled={download.isPending}
      aria-label={download.isPending ? undefined : label}
      onClick={() => download.mutate()}
    >
      {download.isPending ? t('participationStatement.mine.downloading') : text}
    </Button>
  )
}

/** The statement just made: the status with its code (it takes the focus) and the button to download its PDF. */
function MadeStatement({ statement }: { statement: MyStatement }) {
  const { t } = useTranslation()
  const download = usePdfDownload(statement.code)
  const status = useRef<HTMLDivElement>(null)
  useEffect(() => {
    status.current?.focus()
  }, [])
  return (
    <div className="meedoen-statements__made">
      <div ref={status} tabIndex={-1} className="meedoen-statements__status">
        <Alert type="ok" role="status">
          <Paragraph>{t('participationStatement.mine.made', { code: statement.code })}</Paragraph>
        </Alert>
      </div>
      <div>
        <PdfButton download={download} appearance="primary-action-button" text={t('participationStatement.mine.download')} />
      </div>
      {download.isError && <ErrorAlert error={download.error} />}
    </div>
  )
}

/** One statement made before: its period, when it was made, its code, language, figures and whether the code works. */
function StatementItem({ statement: s }: { statement: MyStatement }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => revokeStatement(s.code),
    onSuccess: () => {
      confirm.close()
      queryClient.setQueryData<MyStatement[]>(statementKeys.mine(), (list) => list?.map((x) => (x.code === s.code ? { ...x, revoked: true } : x)))
      queryClient.removeQueries({ queryKey: statementKeys.verify(s.code) })
    },
  })
  const { openerRef, questionRef, doneRef, ...confirm } = useInlineConfirm(revoke)
  const download = usePdfDownload(s.code)
  const questionId = `statement-${s.code}-question`

  function ask() {
    revoke.reset()
    confirm.ask()
  }

  return (
    <li className="meedoen-statements__item">
      <p className="meedoen-statements__period">{periodText(s.from, s.to, t, lang)}</p>
      <dl className="meedoen-statements__facts">
        <div>
          <dt>{t('participationStatement.mine.madeOn')}</dt>
          <dd>
            <time dateTime={s.created_at}>{formatDateTime(s.created_at, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('participationStatement.mine.code')}</dt>
          <dd className="meedoen-statements__code">{s.code}</dd>
        </div>
        <div>
          <dt>{t('participationStatement.mine.language2')}</dt>
          <dd lang={s.lang}>{t(`participationStatement.lang.${s.lang}`)}</dd>
        </div>
        <div>
          <dt>{t('participationStatement.mine.figures')}</dt>
          <dd>
            {t('participationStatement.sessions', { count: s.sessions_present })}, {hoursText(s.hours, t, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('participationStatement.mine.state')}</dt>
          <dd className={s.revoked ? 'meedoen-statements__revoked' : undefined}>
            {s.revoked ? t('participationStatement.mine.revoked') : t('participationStatement.mine.valid')}
          </dd>
        </div>
      </dl>
      {revoke.isSuccess && (
        <Alert ref={doneRef} tabIndex={-1} type="ok" role="status">
          <Paragraph>{t('participationStatement.mine.revokedDone', { code: s.code })}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        <PdfButton download={download} text={t('participationStatement.mine.downloadItem')} label={t('participationStatement.mine.downloadItemLabel', { code: s.code })} />
        {!s.revoked && !confirm.confirming && (
          <Button ref={openerRef} appearance="secondary-action-button" aria-label={t('participationStatement.mine.revokeLabel', { code: s.code })} onClick={ask}>
            {t('participationStatement.mine.revoke')}
          </Button>
        )}
      </ButtonGroup>
      {download.isError && <ErrorAlert error={download.error} />}
      {confirm.confirming && (
        <InlineConfirm
          id={questionId}
          question={t('participationStatement.mine.revokeQuestion', { code: s.code })}
          questionRef={questionRef}
          onKeyDown={confirm.onKeyDown}
          error={revoke.isError ? revoke.error : null}
          pending={revoke.isPending}
          yes={t('participationStatement.mine.revokeYes')}
          busyText={t('participationStatement.mine.revoking')}
          no={t('participationStatement.mine.revokeNo')}
          onYes={() => revoke.mutate()}
          onNo={confirm.cancel}
        />
      )}
    </li>
  )
}
