import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { getMyProfile, listOffers, residentKeys, type OfferFilters } from './api'
import { OFFER_KINDS, type Offer, type OfferKind } from '../../api/types'
import { useDistricts } from '../../api/queries'
import { useTokens } from '../../auth/useSession'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { OfferCard } from '../../components/OfferCard'
import { TextField } from '../../components/TextField'
import { flattenDistricts, indentLabel } from '../../lib/districts'
import { oneOf } from '../../lib/oneOf'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import './texts'

function isKind(value: string | null): value is OfferKind {
  return value !== null && oneOf(OFFER_KINDS, value)
}

function filtersFrom(params: URLSearchParams): OfferFilters {
  const kind = params.get('kind')
  return {
    district: params.get('district') ?? '',
    kind: isKind(kind) ? kind : '',
    q: params.get('q') ?? '',
    available: params.get('available') === 'true',
    near: params.get('near') ?? '',
  }
}

export default function OffersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('resident.offers.title'))
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  // The form edits a draft; the list follows the URL, so the back button and shared links work.
  const [draft, setDraft] = useState(filters)

  const districts = useDistricts()
  // Nearest first needs a home district: the one in the resident's profile.
  const tokens = useTokens()
  const profile = useQuery({ queryKey: residentKeys.profile(), queryFn: getMyProfile, enabled: tokens !== null })
  const home = profile.data?.district_id ?? null
  const offers = useInfiniteQuery({
    queryKey: residentKeys.offers(filters),
    queryFn: ({ pageParam }: { pageParam: string | null }) => listOffers(filters, pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })

  function submit(e: FormEvent) {
    e.preventDefault()
    const next = new URLSearchParams()
    if (draft.district) next.set('district', draft.district)
    if (draft.kind) next.set('kind', draft.kind)
    if (draft.q?.trim()) next.set('q', draft.q.trim())
    if (draft.available) next.set('available', 'true')
    if (draft.near) next.set('near', draft.near)
    setParams(next)
  }

  const items: Offer[] = offers.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <Heading1>{t('resident.offers.title')}</Heading1>
      <Paragraph>{t('resident.offers.intro')}</Paragraph>

      <form className="meedoen-filters" onSubmit={submit} role="search" aria-label={t('resident.offers.filters')}>
        <FormField
          label={<FormLabel htmlFor="district">{t('resident.offers.district')}</FormLabel>}
          input={
            <Select
              id="district"
              name="district"
              value={draft.district}
              busy={districts.isPending}
              onChange={(e) => setDraft({ ...draft, district: e.target.value })}
            >
              <SelectOption value="">{t('resident.offers.anyDistrict')}</SelectOption>
              {flattenDistricts(districts.data ?? []).map((d) => (
                <SelectOption key={d.id} value={d.id}>
                  {indentLabel(d)}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <FormField
          label={<FormLabel htmlFor="kind">{t('resident.offers.kind')}</FormLabel>}
          input={
            <Select
              id="kind"
              name="kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: isKind(e.target.value) ? e.target.value : '' })}
            >
              <SelectOption value="">{t('kind.any')}</SelectOption>
              {OFFER_KINDS.map((k) => (
                <SelectOption key={k} value={k}>
                  {t(`kind.${k}`)}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <TextField
          id="q"
          type="search"
          label={t('resident.offers.q')}
          description={t('resident.offers.qHelp')}
          value={draft.q ?? ''}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor="available" type="checkbox">
              <Checkbox
                id="available"
                name="available"
                checked={draft.available}
                onChange={(e) => setDraft({ ...draft, available: e.target.checked })}
              />{' '}
              {t('resident.offers.available')}
            </FormLabel>
          }
        />
        {home && (
          <FormField
            type="checkbox"
            label={
              <FormLabel htmlFor="near" type="checkbox">
                <Checkbox
                  id="near"
                  name="near"
                  checked={draft.near === home}
                  onChange={(e) => setDraft({ ...draft, near: e.target.checked ? home : '' })}
                />{' '}
                {t('resident.offers.near')}
              </FormLabel>
            }
          />
        )}
        <Button type="submit" appearance="primary-action-button">
          {t('resident.offers.search')}
        </Button>
      </form>

      {districts.isError && <ErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}

      <section aria-labelledby="results-heading" className="meedoen-results">
        <Heading2 id="results-heading" className="meedoen-visually-hidden">
          {t('resident.offers.title')}
        </Heading2>
        {offers.isPending && <Loading />}
        {offers.isError && <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />}
        {offers.isSuccess && (
          <>
            <Paragraph role="status" aria-live="polite">
              {items.length === 0 ? t('resident.offers.empty') : t('resident.offers.results', { count: items.length })}
              {offers.hasNextPage ? ` ${t('resident.offers.resultsMore')}` : ''}
            </Paragraph>
            <ul className="meedoen-cards">
              {items.map((o) => (
                <OfferCard key={o.id} offer={o} />
              ))}
            </ul>
            <LoadMore query={offers} label={t('resident.offers.loadMore')} loadingLabel={t('app.loading')} />
          </>
        )}
      </section>
    </>
  )
}
