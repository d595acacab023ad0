import { useQuery } from '@tanstack/react-query'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useDistricts } from '../../api/queries'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { SelectField } from '../../components/SelectField'
import { findDistrict, flattenDistrictTree, indentLabel } from '../../lib/districts'
import { localDate, parsePeriod, periodChoices, periodInWords, periodValue, weekOf, type Period } from '../../lib/schedule'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { listAllOffers, programmeKeys } from './api'
import { sheetsByDistrict } from './programme'
import { ProgrammeSheets } from './ProgrammeSheets'
import type { DistrictNode } from './types'
import { useProgrammeEntries } from './useProgrammeEntries'
import './texts'

/**
 * The programme on paper (`/programma?district=…&period=…`): anyone picks a municipality, area or district and a
 * week or a month, and gets a large-print programme to print, one page per district. The choice is kept in the
 * URL, so a printed programme can be made again from a link.
 */
export default function ProgrammePage() {
  const { t, i18n } = useTranslation()
  useDocumentTitle(t('programme.title'))
  const [params, setParams] = useSearchParams()
  const chosenDistrict = params.get('district') ?? ''
  const chosenPeriod = parsePeriod(params.get('period'))
  const now = localDate()
  const choices = periodChoices(now)
  const [draft, setDraft] = useState({ district: chosenDistrict, period: periodValue(chosenPeriod ?? weekOf(now)) })

  const [missing, setMissing] = useState(false)
  const districts = useDistricts()
  const options = flattenDistrictTree(districts.data ?? []).filter((d) => !d.retired)

  function submit(e: FormEvent) {
    e.preventDefault()
    setMissing(!draft.district)
    if (draft.district) setParams({ district: draft.district, period: draft.period })
    else document.getElementById('programme-district')?.focus()
  }

  return (
    <>
      <div className="meedoen-print-hidden">
        <Heading1>{t('programme.title')}</Heading1>
        <Paragraph>{t('programme.intro')}</Paragraph>
        <form className="meedoen-form" onSubmit={submit} aria-label={t('programme.form')}>
          <SelectField
            id="programme-district"
            label={t('programme.district')}
            description={t('programme.districtHelp')}
            value={draft.district}
            onChange={(value) => setDraft({ ...draft, district: value })}
            options={[{ value: '', label: t('programme.choose') }, ...options.map((d) => ({ value: d.id, label: indentLabel(d) }))]}
            error={missing && !draft.district ? 'required' : undefined}
          />
          <SelectField id="programme-period" label={t('programme.period')} value={draft.period} onChange={(value) => setDraft({ ...draft, period: value })}>
            <optgroup label={t('programme.weeks')}>
              {choices.weeks.map((p) => (
                <option key={p.from} value={periodValue(p)}>
                  {periodInWords(p, t, i18n.language)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('programme.months')}>
              {choices.months.map((p) => (
                <option key={p.from} value={periodValue(p)}>
                  {periodInWords(p, t, i18n.language)}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <Button type="submit" appearance="primary-action-button">
            {t('programme.show')}
          </Button>
        </form>
        {districts.isPending && <Loading />}
        {districts.isError && <ErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      </div>
      {districts.isSuccess && chosenDistrict && chosenPeriod && <Programme tree={districts.data} districtId={chosenDistrict} period={chosenPeriod} />}
    </>
  )
}

function Programme({ tree, districtId, period }: { tree: DistrictNode[]; districtId: string; period: Period }) {
  const { t } = useTranslation()
  const area = findDistrict(tree, districtId)
  const offers = useQuery({ queryKey: programmeKeys.offers(districtId), queryFn: () => listAllOffers(districtId), enabled: area !== undefined })
  const programme = useProgrammeEntries(offers.data, period)

  if (!area) return <Paragraph>{t('programme.notFound')}</Paragraph>
  if (offers.isError) return <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />
  if (programme.error) return <ErrorAlert error={programme.error} onRetry={programme.retry} />
  if (programme.pending) return <Loading />
  const sheets = sheetsByDistrict(area, programme.entries)
  return (
    <div>
      <div className="meedoen-print-hidden meedoen-programme__actions">
        <Paragraph role="status">
          {sheets.length === 0 ? t('programme.empty', { area: area.name }) : t('programme.pages', { count: sheets.length })}
        </Paragraph>
        {sheets.length > 0 && (
          <Button appearance="primary-action-button" onClick={() => window.print()}>
            {t('programme.print')}
          </Button>
        )}
      </div>
      <ProgrammeSheets sheets={sheets} period={period} level={2} />
    </div>
  )
}
