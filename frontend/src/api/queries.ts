import { useQuery } from '@tanstack/react-query'
import { listDistricts, listTags } from './endpoints'

// Tags and districts change rarely and are shared by many pages (and kept across sign-out), so they stay fresh for five minutes.
const STALE_TIME = 5 * 60_000

export function useTags() {
  return useQuery({ queryKey: ['tags'], queryFn: listTags, staleTime: STALE_TIME })
}

export function useDistricts(enabled = true) {
  return useQuery({ queryKey: ['districts'], queryFn: listDistricts, staleTime: STALE_TIME, enabled })
}
