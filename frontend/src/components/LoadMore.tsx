import { Button } from '@utrecht/component-library-react'

/** The part of an infinite query a "load more" button needs. */
export interface MorePages {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => Promise<unknown>
}

/**
 * A button that loads the next page of a list; nothing when there is none. With `loadingLabel` the button is
 * disabled while the page loads and says so.
 */
export function LoadMore({ query, label, loadingLabel }: { query: MorePages; label: string; loadingLabel?: string }) {
  if (!query.hasNextPage) return null
  const loading = query.isFetchingNextPage
  return (
    <Button
      appearance="secondary-action-button"
      busy={loading}
      disabled={loadingLabel !== undefined ? loading : undefined}
      onClick={() => void query.fetchNextPage()}
    >
      {loading && loadingLabel !== undefined ? loadingLabel : label}
    </Button>
  )
}
