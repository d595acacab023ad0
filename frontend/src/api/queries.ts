import { useQuery, type QueryKey } from '@tanstack/react-query'
import { getOffer, getSite, listDistricts, listTags } from './endpoints'

/**
 * The query keys of what several features share: the session, the reference lists and one offer (a feature's own
 * keys are in its api.ts). Every useQuery, setQueryData and invalidateQueries takes its key from a factory.
 */
export const sharedKeys = {
  me: ['me'] as const,
  tags: ['tags'] as const,
  districts: ['districts'] as const,
  /** The municipality's site settings and the map's tile source (GET /site). */
  site: ['site'] as const,
  /** One offer, as residents and its organisation see it. */
  offer: (id: string) => ['offer', id] as const,
  /** The email confirmation of one link (a query, so the single-use token is posted once). */
  emailVerification: (token: string) => ['verify-email', token] as const,
}

/** The tag and district lists and the site settings, kept across sign-out: they are public (an admin's fuller lists start with the same keys). */
export function isReferenceData(queryKey: QueryKey): boolean {
  return queryKey[0] === sharedKeys.tags[0] || queryKey[0] === sharedKeys.districts[0] || queryKey[0] === sharedKeys.site[0]
}

// Tags and districts change rarely and are shared by many pages (and kept across sign-out), so they stay fresh for five minutes.
const STALE_TIME = 5 * 60_000

export function useTags() {
  return useQuery({ queryKey: sharedKeys.tags, queryFn: listTags, staleTime: STALE_TIME })
}

export function useDistricts(enabled = true) {
  return useQuery({ queryKey: sharedKeys.districts, queryFn: listDistricts, staleTime: STALE_TIME, enabled })
}

/** The site settings (GET /site): public, the same for everyone, and they change only with the server's configuration. */
export function useSite() {
  return useQuery({ queryKey: sharedKeys.site, queryFn: getSite, staleTime: Infinity })
}

/** One offer (GET /offers/{id}). */
export function useOffer(id: string, enabled = true) {
  return useQuery({ queryKey: sharedKeys.offer(id), queryFn: () => getOffer(id), enabled })
}
