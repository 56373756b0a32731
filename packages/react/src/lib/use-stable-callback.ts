import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'

// On the server a layout effect never runs, and React 18 warns about each one: the plain effect
// there (it never runs either, silently).
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * A function whose identity never changes and that always calls the latest `fn`: handlers passed
 * to memoized children (table rows) without re-rendering them on every change of state.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn)
  useIsomorphicLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
