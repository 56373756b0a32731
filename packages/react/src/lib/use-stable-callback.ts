import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function whose identity never changes and that always calls the latest `fn`: handlers passed
 * to memoized children (table rows) without re-rendering them on every change of state.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
