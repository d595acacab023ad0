import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, FormField, FormLabel, Heading1, Heading2, Paragraph, Select, SelectOption } from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AppLink } from '../../components/AppLink'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { TextField } from '../../components/TextField'
import { useMe } from '../../auth/useSession'
import { indentLabel } from '../../lib/districts'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { listResidents, type ResidentFilters, workerKeys } from './api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useWorkerScope } from './scope'
import type { ResidentSummary } from './types'
import { RoleGate } from '../../components/RoleGate'
import './worker.css'
import './texts'

export default function ResidentsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('worker.residents.title'))
  return (
    <RoleGate role="worker" title={t('worker.residents.title')}>
      <Residents />
    </RoleGate>
  )
}

function filtersFrom(params: URLSearchParams): ResidentFilters {
  return { district: params.get('district') ?? '', q: params.get('q') ?? '' }
}

function Residents() {
  const { t } = useTranslation()
  const { me } = useMe()
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  // The form edits a draft; the list follows the URL, so the back button and shared links work.
  const [draft, setDraft] = useState(filters)
  const scope = useWorkerScope(Boolean(me))
  const residents = useInfiniteQuery({
    queryKey: workerKeys.residents(filters),
    queryFn: ({ pageParam }: { pageParam: string | null }) => listResidents(filters, pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })

  function submit(e: FormEvent) {
    e.preventDefault()
    const next = new URLSearchParams()
    if (draft.district) next.set('district', draft.district)
    if (draft.q?.trim()) next.set('q', draft.q.trim())
    setParams(next)
  }

  const items: ResidentSummary[] = residents.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <p className="meedoen-worker__back">
        <AppLink to="/worker">{t('worker.residents.back')}</AppLink>
      </p>
      <Heading1>{t('worker.residents.title')}</Heading1>
      <Paragraph>{t('worker.residents.intro')}</Paragraph>

      <form className="meedoen-filters" onSubmit={submit} role="search" aria-label={t('worker.residents.filters')}>
        <FormField
          label={<FormLabel htmlFor="district">{t('worker.residents.district')}</FormLabel>}
          input={
            <Select
              id="district"
              name="district"
              value={draft.district}
              busy={!scope.ready}
              onChange={(e) => setDraft({ ...draft, district: e.target.value })}
            >
              <SelectOption value="">{t('worker.residents.allDistricts')}</SelectOption>
              {scope.options.map((d) => (
                <SelectOption key={d.id} value={d.id}>
                  {indentLabel(d)}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <TextField
          id="q"
          type="search"
          label={t('worker.residents.q')}
          description={t('worker.residents.qHelp')}
          value={draft.q ?? ''}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('worker.residents.search')}
        </Button>
      </form>

      {scope.mine.isError && <ErrorAlert scope="worker" error={scope.mine.error} onRetry={() => void scope.mine.refetch()} />}

      <section aria-labelledby="results-heading">
        <Heading2 id="results-heading" className="meedoen-visually-hidden">
          {t('worker.residents.title')}
        </Heading2>
        {residents.isPending && <Loading />}
        {residents.isError && <ErrorAlert scope="worker" error={residents.error} onRetry={() => void residents.refetch()} />}
        {residents.isSuccess && (
          <>
            <Paragraph role="status" aria-live="polite">
              {items.length === 0 ? t('worker.residents.empty') : t('worker.residents.results', { count: items.length })}
              {residents.hasNextPage ? ` ${t('worker.residents.resultsMore')}` : ''}
            </Paragraph>
            {items.length === 0 && <Paragraph>{t('worker.residents.emptyHelp')}</Paragraph>}
            <ul className="meedoen-cards">
              {items.map((r) => (
                <li key={r.id} className="meedoen-card">
                  <h3 className="utrecht-heading-3 meedoen-card__title">
                    <AppLink to={`/worker/residents/${r.id}`}>{r.display_name}</AppLink>
                  </h3>
                  <p className="meedoen-card__meta">
                    {r.district_name ? t('worker.residents.lives', { district: r.district_name }) : t('worker.residents.noDistrict')}
                  </p>
                </li>
              ))}
            </ul>
            <LoadMore query={residents} label={t('worker.residents.loadMore')} loadingLabel={t('app.loading')} />
          </>
        )}
      </section>
    </>
  )
}
