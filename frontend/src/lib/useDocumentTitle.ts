import { useEffect } from 'react'

/** Sets the page title, so screen reader users hear where they are after navigating. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Meedoen` : 'Meedoen'
  }, [title])
}
