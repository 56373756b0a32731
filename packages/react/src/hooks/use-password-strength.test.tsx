import { renderHook, waitFor } from '@testing-library/react'
import { createUsherClient } from '@usher/sdk'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { UsherProvider } from '../provider/usher-provider'
import {
  configurePasswordEstimator,
  loadPasswordEstimator,
  usePasswordStrength,
} from './use-password-strength'

const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })
const inLocale =
  (locale: 'en' | 'fr') =>
  ({ children }: { children: ReactNode }) => (
    <UsherProvider client={client} locale={locale}>
      {children}
    </UsherProvider>
  )

// A French word: in the French dictionary, not in the English or common ones.
const FRENCH_WORD = 'chaussettes'

describe('given the password strength estimator', () => {
  afterEach(() => configurePasswordEstimator({ dictionaries: 'current' }))

  it("scores with the current language's dictionary only, by default", async () => {
    const english = await loadPasswordEstimator(['en'])
    const french = await loadPasswordEstimator(['fr'])
    // The French dictionary knows the word: it scores lower there than with English alone.
    expect(french.check(FRENCH_WORD).score).toBeLessThan(english.check(FRENCH_WORD).score)

    const { result } = renderHook(() => usePasswordStrength(FRENCH_WORD), { wrapper: inLocale('fr') })
    await waitFor(() => expect(result.current).toBe(french.check(FRENCH_WORD).score))
    const inEnglish = renderHook(() => usePasswordStrength(FRENCH_WORD), { wrapper: inLocale('en') })
    await waitFor(() => expect(inEnglish.result.current).toBe(english.check(FRENCH_WORD).score))
  })

  it('scores with every language, as the server does, when the host asks for it', async () => {
    configurePasswordEstimator({ dictionaries: 'all' })
    const both = await loadPasswordEstimator(['en', 'fr'])
    const { result } = renderHook(() => usePasswordStrength(FRENCH_WORD), { wrapper: inLocale('en') })
    await waitFor(() => expect(result.current).toBe(both.check(FRENCH_WORD).score))
  })
})
