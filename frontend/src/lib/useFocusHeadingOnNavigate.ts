import { useEffect, useRef, type RefObject } from 'react'
import { useLocation } from 'react-router'

/** How long after a route change the new page's h1 may still take the focus (lazy pages and data take a moment). */
const WAIT_MS = 5000

/**
 * After a route change (a new path, not the first load and not a change of the query string, which the filters
 * use), moves the focus to the new page's h1 in `main`, so keyboard and screen reader users start at the new
 * page instead of at the top of the document or on the link they left. The h1 may appear later (a lazy page, or a
 * heading that waits for data) and may be replaced once (a loading heading), so `main` is watched for a short
 * while; as soon as the person or the page puts the focus somewhere else, it is left alone.
 */
export function useFocusHeadingOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation()
  const previous = useRef(pathname)

  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    const root = main.current
    if (!root) return
    // What had the focus when the page changed: the link followed, or the body when that link is gone.
    const before = document.activeElement
    let heading: HTMLElement | null = null

    /** Whether the focus is still where the navigation left it (or where this hook put it). */
    const untouched = () => {
      const now = document.activeElement
      return now === null || now === document.body || now === before || now === heading || now === root
    }

    const focusHeading = () => {
      const h1 = untouched() ? root.querySelector<HTMLElement>('h1') : null
      if (!h1) return
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
      if (h1 !== document.activeElement) h1.focus()
      heading = h1
    }

    focusHeading()
    const observer = new MutationObserver(() => {
      if (!untouched()) {
        stop()
        return
      }
      // Only a heading that is not there yet, or that was replaced (a loading page's heading): once focused, a
      // heading is not focused again, so a click elsewhere on the page is never undone.
      if (!heading || !heading.isConnected) focusHeading()
    })
    observer.observe(root, { childList: true, subtree: true })
    const timer = window.setTimeout(() => stop(), WAIT_MS)
    function stop() {
      observer.disconnect()
      window.clearTimeout(timer)
    }
    return stop
  }, [pathname, main])
}
