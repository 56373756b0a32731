import type { Locale } from '@usher/contract'
import { FIXTURE_NOW } from '@usher/fixtures'
import { createUsherClient, type UsherClient } from '@usher/sdk'
import { MockDb } from './mock-db'
import { MOCK_API_BASE, STORY_HEADER, setMockDb } from './route'
import type { MockScenario, Viewer } from './scenario'

/** The toolbar's globals. */
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

/** A fixed clock close to the fixtures' "now", so "expires in N days" reads alike on every run. */
export const storyNow = (): Date => FIXTURE_NOW

/** The SDK client a story talks through: as `viewer`, to this story's database, no retries. */
export function createStoryClient(storyId: string, viewer: Viewer): UsherClient {
  return createUsherClient({
    baseUrl: MOCK_API_BASE,
    token: viewer,
    retry: 0,
    headers: { [STORY_HEADER]: storyId },
  })
}
