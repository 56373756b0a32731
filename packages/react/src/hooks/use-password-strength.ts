import { type PasswordContext, passwordEstimatorInputs, passwordStrength } from '@usher/contract/rules'
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

/**
 * zxcvbn's 0–4 score of `password` for this person: the contract's `passwordStrength`, with the
 * same inputs and the same length cut as the server's; null while the estimator loads, or for an
 * empty password. The estimate follows typing a beat behind (a deferred value) so typing stays
 * smooth.
 */
export function usePasswordStrength(password: string, context: PasswordContext = {}): PasswordScore | null {
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
  // Keyed on the inputs' content: callers pass a fresh context object on every render.
  const inputsKey = passwordEstimatorInputs(context).join('\n')
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the inputs' content
  return useMemo(() => {
    if (!factory || !deferred) return null
    const estimate = (pw: string, inputs: readonly string[]) => factory.check(pw, [...inputs]).score
    return passwordStrength(deferred, context, estimate) as PasswordScore
  }, [factory, deferred, inputsKey])
}
