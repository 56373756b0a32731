import type { Page } from '@usher/contract'

/** Every item of a paginated list, fetching the next page only once the last one is consumed. */
export async function* pages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined
  do {
    const page = await fetchPage(cursor)
    yield* page.items
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}
