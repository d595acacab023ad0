import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { getMe } from '../api/endpoints'
import { sharedKeys } from '../api/queries'
import { getTokens, subscribe } from '../api/session'

export function useTokens() {
  return useSyncExternalStore(subscribe, getTokens, getTokens)
}

/** The signed-in user (GET /me), or undefined when signed out. */
export function useMe() {
  const tokens = useTokens()
  const query = useQuery({
    queryKey: sharedKeys.me,
    queryFn: getMe,
    enabled: tokens !== null,
    retry: false,
    staleTime: 60_000,
  })
  return { tokens, me: tokens ? query.data : undefined, isLoading: tokens !== null && query.isPending }
}
