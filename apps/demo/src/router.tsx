import { type ComponentProps, type MouseEvent, useSyncExternalStore } from 'react'

/** A router of a few lines: the demo has five pages and no nested routes. */
const NAVIGATE = 'relai:navigate'

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE, onChange)
  }
}

let navigated = false

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', to)
  else {
    window.history.pushState(null, '', to)
    navigated = true
  }
  window.dispatchEvent(new Event(NAVIGATE))
}

/**
 * True once after an in-app navigation: the new page's heading takes focus then, so a screen
 * reader announces it (a first page load leaves focus where the browser puts it).
 */
export function takeNavigationFocus(): boolean {
  const result = navigated
  navigated = false
  return result
}

/** The current path and query, e.g. `/accept-invitation?token=…`. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search)
  const url = new URL(href, 'http://demo.invalid')
  return { pathname: url.pathname, search: url.search }
}

/** An `<a>` that navigates inside the app (and still opens in a new tab with a modifier key). */
export function Link({ href, onClick, ...props }: ComponentProps<'a'> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...props} />
}
