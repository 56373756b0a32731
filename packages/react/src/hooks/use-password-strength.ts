import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { useDeferredValue, useEffect, useMemo, useState } from 'react'

export type PasswordScore = 0 | 1 | 2 | 3 | 4

// The dictionaries weigh hundreds of kilobytes: loaded on first use only (a dynamic import the
// host's bundler splits off), once per page, with the same languages as the server's estimator.
let estimator: Promise<ZxcvbnFactory> | null = null

/** zxcvbn-ts with the common, English and French dictionaries; loaded once, on first call. */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fr'),
  ]).then(
    ([core, common, en, fr]) =>
      new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
      }),
  )
  // A failed load (offline) may be tried again by the next field that needs it.
  estimator.catch(() => {
    estimator = null
  })
  return estimator
}

/** What the server counts as guessable from the person: their names and the parts of their address. */
export function passwordUserInputs(context: { email?: string; names?: readonly string[] }): string[] {
  return [...(context.names ?? []), ...(context.email ? context.email.split(/[@.]/) : [])].filter(Boolean)
}

/**
 * zxcvbn's 0–4 score of `password`, as the server computes it; null while the estimator loads, or
 * for an empty password. The estimate follows typing a beat behind (a deferred value) so typing
 * stays smooth.
 */
export function usePasswordStrength(
  password: string,
  context: { email?: string; names?: readonly string[] } = {},
): PasswordScore | null {
  const [factory, setFactory] = useState<ZxcvbnFactory | null>(null)
  const deferred = useDeferredValue(password)
  useEffect(() => {
    let live = true
    loadPasswordEstimator().then(
      (loaded) => live && setFactory(loaded),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  const inputsKey = passwordUserInputs(context).join('\n')
  return useMemo(() => {
    if (!factory || !deferred) return null
    // The server checks the first 100 characters: the same here, so the meter agrees with it.
    return factory.check(deferred.slice(0, 100), inputsKey ? inputsKey.split('\n') : [])
      .score as PasswordScore
  }, [factory, deferred, inputsKey])
}
