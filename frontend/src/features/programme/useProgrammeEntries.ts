import { useQueries } from '@tanstack/react-query'
import type { Period } from '../../lib/schedule'
import { getOrganisation, listOccurrences, programmeKeys } from './api'
import { takingPlace, type ProgrammeEntry } from './programme'
import type { Offer } from './types'

/** Organisations' contact details change rarely. */
const ORGANISATION_STALE_TIME = 5 * 60_000

export interface ProgrammeEntries {
  /** Still loading the offers, their occurrences or their organisations. */
  pending: boolean
  /** The first failure to load occurrences (an organisation that cannot be loaded only loses its contact details). */
  error: unknown
  retry: () => void
  entries: ProgrammeEntry[]
}

/** For each offer, its occurrences in `period` that take place and its organisation's public contact details. */
export function useProgrammeEntries(offers: readonly Offer[] | undefined, period: Period): ProgrammeEntries {
  const list = offers ?? []
  const occurrences = useQueries({
    queries: list.map((offer) => ({
      queryKey: programmeKeys.occurrences(offer.id, period.from, period.to),
      queryFn: () => listOccurrences(offer.id, period),
    })),
  })
  const organisationIds = [...new Set(list.map((offer) => offer.organisation_id))]
  const organisations = useQueries({
    queries: organisationIds.map((id) => ({
      queryKey: programmeKeys.organisation(id),
      queryFn: () => getOrganisation(id),
      staleTime: ORGANISATION_STALE_TIME,
      retry: false,
    })),
  })
  const failed = occurrences.filter((q) => q.isError)
  const organisationById = new Map(organisations.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])))
  return {
    pending: offers === undefined || occurrences.some((q) => q.isPending) || organisations.some((q) => q.isPending),
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((q) => void q.refetch()),
    entries: list.map((offer, i) => ({
      offer,
      occurrences: takingPlace(occurrences[i]?.data ?? []),
      organisation: organisationById.get(offer.organisation_id) ?? null,
    })),
  }
}
