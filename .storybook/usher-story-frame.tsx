import { QueryClient } from '@tanstack/react-query'
import { type ReactNode, useMemo } from 'react'
import { UsherProvider } from '../packages/react/src/provider/usher-provider'
import { createStoryClient, storyNow, type Viewer } from '../packages/story-mocks/src/index'

/**
 * The frame every story renders in: UsherProvider over the story's in-memory API, as the viewer,
 * in the language and theme picked. The only React part of the stories' mocks: the data, the
 * handlers and the client live in `@usher/story-mocks`, which knows nothing of React.
 */
export function UsherStoryFrame({
  storyId,
  locale,
  theme,
  viewer,
  children,
}: {
  /** Sent with every request, so the handlers answer from this story's database. */
  storyId: string
  locale: NonNullable<UsherStoryParameters['locale']>
  theme: 'light' | 'dark'
  viewer: Viewer
  children: ReactNode
}) {
  // One client and cache per viewer: switching the viewer in the toolbar reloads everything as
  // that person, on the same story data.
  const { client, queryClient } = useMemo(
    () => ({
      client: createStoryClient(storyId, viewer),
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
