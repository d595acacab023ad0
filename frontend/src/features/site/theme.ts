// The municipality's token set (src/features/site/themes.css): a data attribute on the root element, from /site.
import { useEffect } from 'react'
import { useSite } from '../../api/queries'
import { oneOf } from '../../lib/oneOf'
import './themes.css'

export const THEMES = ['meedoen', 'emmen', 'den-helder'] as const
export type Theme = (typeof THEMES)[number]

const KEY = 'meedoen.theme'

/** The token set named by the server; Meedoen's own for a name this app does not know. */
export function themeOf(name: string | null | undefined): Theme {
  return name && oneOf(THEMES, name) ? name : 'meedoen'
}

/** Puts the token set on the root element and remembers it, so the next visit starts in the right colours. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // no storage: the colours switch once /site has loaded
  }
}

/** At start-up, before /site has answered: the token set of the last visit. */
export function restoreTheme(): void {
  let saved: string | null = null
  try {
    saved = localStorage.getItem(KEY)
  } catch {
    // no storage
  }
  document.documentElement.dataset.theme = themeOf(saved)
}

/** Loads /site (once: it changes only with the server's configuration) and applies its token set. */
export function useSiteTheme(): void {
  const theme = useSite().data?.municipality.theme
  useEffect(() => {
    if (theme !== undefined) applyTheme(themeOf(theme))
  }, [theme])
}
