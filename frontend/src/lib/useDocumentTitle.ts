import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { getSite } from '../api/endpoints'
import { sharedKeys } from '../api/queries'

/**
 * Sets the page title, so screen reader users hear where they are after navigating: the page, Meedoen and the
 * municipality ("Activiteiten · Meedoen · Gemeente Emmen"). The municipality's name comes from GET /site, which
 * the layout loads; this only reads it (and follows it when it arrives), it never fetches it.
 */
export function useDocumentTitle(title: string | undefined) {
  const municipality = useQuery({ queryKey: sharedKeys.site, queryFn: getSite, enabled: false }).data?.municipality.name
  useEffect(() => {
    document.title = [title, 'Meedoen', municipality].filter(Boolean).join(' · ')
  }, [title, municipality])
}
