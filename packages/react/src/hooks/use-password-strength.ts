import { type PasswordContext, passwordEstimatorInputs, passwordStrength } from '@usher/contract/rules'
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import type { Locale } from '../i18n/types'
import { USHER_LOCALES } from '../provider/locale'
import { useUsherContext } from '../provider/usher-context'

export type PasswordScore = 0 | 1 | 2 | 3 | 4

// The dictionaries weigh hundreds of kilobytes (gzip: common 222 kB, English 605 kB, French
// 294 kB): each is a dynamic import the host's bundler splits off, loaded on first use, once per
// page. By default only the common one and the current language's load; the server scores with
// all of them, so a password built on a word of the other language may be rated higher here than
// there, and the server's refusal is then shown under the field.
const estimators = new Map<string, Promise<ZxcvbnFactory>>()
const DICTIONARIES: Record<Locale, () => Promise<{ dictionary: Record<string, unknown> }>> = {
  en: () => import('@zxcvbn-ts/language-en'),
  fr: () => import('@zxcvbn-ts/language-fr'),
}

/** Which languages' dictionaries the strength meter loads: the current one, or every one the server uses. */
export type PasswordDictionaries = 'current' | 'all'
let dictionaries: PasswordDictionaries = 'current'

/**
 * Chooses which dictionaries the strength meter loads: `'current'` (the default: the common one
 * and the current language's, the smallest download) or `'all'` (English and French, as the
 * server scores: the meter then always agrees with the server). Call it once, before the first
 * password field shows.
 * @example configurePasswordEstimator({ dictionaries: 'all' })
 */
export function configurePasswordEstimator(options: { dictionaries: PasswordDictionaries }): void {
  dictionaries = options.dictionaries
}

/**
 * zxcvbn-ts with the common dictionary and the given languages' (default: English and French, as
 * the server); loaded once per set of languages, on first call.
 */
export function loadPasswordEstimator(languages: readonly Locale[] = USHER_LOCALES): Promise<ZxcvbnFactory> {
  const key = [...languages].sort().join(',')
  let estimator = estimators.get(key)
  if (!estimator) {
    estimator = Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      ...languages.map((language) => DICTIONARIES[language]()),
    ]).then(
      ([core, common, ...languageDictionaries]) =>
        new core.ZxcvbnFactory({
          graphs: common.adjacencyGraphs,
          dictionary: Object.assign({}, common.dictionary, ...languageDictionaries.map((d) => d.dictionary)),
        }),
    )
    estimators.set(key, estimator)
    // A failed load (offline) may be tried again by the next field that needs it.
    estimator.catch(() => estimators.delete(key))
  }
  return estimator
}

/**
 * zxcvbn's 0–4 score of `password` for this person: the contract's `passwordStrength`, with the
 * same inputs and the same length cut as the server's, and the current language's dictionary (see
 * `configurePasswordEstimator`); null while the estimator loads, or for an empty password. The estimate follows typing a beat behind (a deferred value) so typing stays
 * smooth.
 */
export function usePasswordStrength(password: string, context: PasswordContext = {}): PasswordScore | null {
  const { locale } = useUsherContext()
  const [factory, setFactory] = useState<ZxcvbnFactory | null>(null)
  const deferred = useDeferredValue(password)
  useEffect(() => {
    let live = true
    loadPasswordEstimator(dictionaries === 'all' ? USHER_LOCALES : [locale]).then(
      (loaded) => live && setFactory(loaded),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [locale])
  // Keyed on the inputs' content: callers pass a fresh context object on every render.
  const inputsKey = passwordEstimatorInputs(context).join('\n')
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the inputs' content
  return useMemo(() => {
    if (!factory || !deferred) return null
    const estimate = (pw: string, inputs: readonly string[]) => factory.check(pw, [...inputs]).score
    return passwordStrength(deferred, context, estimate) as PasswordScore
  }, [factory, deferred, inputsKey])
}
