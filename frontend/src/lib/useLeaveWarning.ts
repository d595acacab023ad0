import { useEffect } from 'react'
import { useBlocker, type Blocker } from 'react-router'

/**
 * Warns before unsaved work is lost, while `unsaved` is true: closing or reloading the tab gets the browser's own
 * question (beforeunload), and going to another page of the app is held back. The returned blocker is `blocked`
 * then; the page asks, and calls `proceed()` or `reset()`. A link within the page (`#field`, the query string)
 * is never held back. Needs a data router (createBrowserRouter), as useBlocker does.
 */
export function useLeaveWarning(unsaved: boolean): Blocker {
  useEffect(() => {
    if (!unsaved) return
    function warn(e: BeforeUnloadEvent) {
      e.preventDefault()
      // Older browsers (Chrome before 119) only ask when returnValue is set as well.
      e.returnValue = true
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsaved])

  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname)
  // Saved while the question was open: there is nothing left to lose, so the question goes and the page stays.
  useEffect(() => {
    if (blocker.state === 'blocked' && !unsaved) blocker.reset()
  }, [blocker, unsaved])
  return blocker
}
