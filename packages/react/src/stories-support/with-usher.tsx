import { QueryClient } from '@tanstack/react-query'
import { FIXTURE_NOW } from '@usher/fixtures'
import { createUsherClient } from '@usher/sdk'
import { type ReactNode, useMemo } from 'react'
import type { Locale } from '../i18n/types'
import { UsherProvider } from '../provider/usher-provider'
import { MOCK_API_BASE, STORY_HEADER, setMockDb } from './handlers'
import { MockDb, type MockScenario, type Viewer } from './mock-db'

export interface UsherStoryGlobals {
  locale?: Locale
  theme?: 'light' | 'dark'
  viewer?: Viewer
}

/** Story-level settings: the in-memory API's scenario, and globals a story pins (e.g. French). */
export interface UsherStoryParameters extends MockScenario {
  locale?: Locale
  viewer?: Viewer
  theme?: 'light' | 'dark'
}

/**
 * The loader: a fresh database for each story (and each test run of it), from its scenario, so
 * what one story invites never shows up in another.
 */
export function createMockDbForStory(storyId: string, parameters: UsherStoryParameters | undefined): MockDb {
  const db = new MockDb(parameters ?? {})
  setMockDb(storyId, db)
  return db
}

// A fixed clock close to the fixtures' "now", so "expires in N days" reads alike on every run.
const storyNow = () => FIXTURE_NOW

export function UsherStoryFrame({
  storyId,
  locale,
  theme,
  viewer,
  children,
}: {
  /** Sent with every request, so the handlers answer from this story's database. */
  storyId: string
  locale: Locale
  theme: 'light' | 'dark'
  viewer: Viewer
  children: ReactNode
}) {
  // One client and cache per viewer: switching the viewer in the toolbar reloads everything as
  // that person, on the same story data.
  const { client, queryClient } = useMemo(
    () => ({
      client: createUsherClient({
        baseUrl: MOCK_API_BASE,
        token: viewer,
        retry: 0,
        headers: { [STORY_HEADER]: storyId },
      }),
      queryClient: new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } }),
    }),
    [viewer, storyId],
  )
  return (
    <UsherProvider client={client} queryClient={queryClient} locale={locale} theme={theme} now={storyNow}>
      <div
        data-slot="story-frame"
        style={{
          background: 'var(--usher-bg)',
          color: 'var(--usher-fg)',
          fontFamily: 'var(--usher-font)',
          padding: '1rem',
          minHeight: '12rem',
        }}
      >
        {children}
      </div>
    </UsherProvider>
  )
}
