import { useInfiniteQuery } from '@tanstack/react-query'
import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { toApiError } from '../../api/errors'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { OfferCard } from '../../components/OfferCard'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { listOrganisationOffers, publicOrganisationKeys, usePublicOrganisation } from './api'
import { OrganisationContactItems } from './OrganisationContact'
import type { PublicOrganisation } from './types'
import './public-organisation.css'
import './texts'

/** An organisation's public page (/organisaties/:id): who they are, how to reach them, and their published offers. */
export default function PublicOrganisationPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const organisation = usePublicOrganisation(id)
  useDocumentTitle(organisation.data?.name)
  const notFound = organisation.isError && [403, 404].includes(toApiError(organisation.error).status)

  return (
    <>
      <Paragraph>
        <AppLink to="/offers">{t('publicOrganisation.back')}</AppLink>
      </Paragraph>
      {organisation.isPending && <Loading />}
      {notFound && (
        <>
          <Heading1>{t('app.notFound')}</Heading1>
          <Paragraph>{t('publicOrganisation.notFound')}</Paragraph>
        </>
      )}
      {organisation.isError && !notFound && <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />}
      {organisation.data && <OrganisationView organisation={organisation.data} />}
    </>
  )
}

function OrganisationView({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation()
  return (
    <>
      <Heading1>{organisation.name}</Heading1>
      <section aria-labelledby="organisation-about" className="meedoen-public-org__section">
        <Heading2 id="organisation-about">{t('publicOrganisation.about')}</Heading2>
        {organisation.description && <Paragraph className="meedoen-description">{organisation.description}</Paragraph>}
        <DataList className="meedoen-facts">
          <DataListItem>
            <DataListKey>{t('publicOrganisation.kindLabel')}</DataListKey>
            <DataListValue>{t(`publicOrganisation.kind.${organisation.kind}`)}</DataListValue>
          </DataListItem>
          <OrganisationContactItems organisation={organisation} />
        </DataList>
      </section>
      <OrganisationOffers organisation={organisation} />
    </>
  )
}

function OrganisationOffers({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation()
  const offers = useInfiniteQuery({
    queryKey: publicOrganisationKeys.offers(organisation.id),
    queryFn: ({ pageParam }: { pageParam: string | null }) => listOrganisationOffers(organisation.id, pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
  const items = offers.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <section aria-labelledby="organisation-offers" className="meedoen-results meedoen-public-org__section">
      <Heading2 id="organisation-offers">{t('publicOrganisation.offers', { name: organisation.name })}</Heading2>
      {offers.isPending && <Loading />}
      {offers.isError && <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />}
      {offers.isSuccess && items.length === 0 && <Paragraph>{t('publicOrganisation.offersEmpty')}</Paragraph>}
      {items.length > 0 && (
        <ul className="meedoen-cards">
          {items.map((o) => (
            <OfferCard key={o.id} offer={o} showOrganisation={false} />
          ))}
        </ul>
      )}
      <LoadMore query={offers} label={t('publicOrganisation.loadMore')} loadingLabel={t('app.loading')} />
    </section>
  )
}
