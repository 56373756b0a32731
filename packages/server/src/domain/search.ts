import { foldForSearch } from '@usher/contract'

/** The contract's search folding (one rule for the server, the mocks and every in-memory list). */
export const fold = foldForSearch

/** The folded columns of a person, for prefix search and name sorting. */
export function searchColumns(firstName: string, lastName: string) {
  const first = fold(firstName)
  const last = fold(lastName)
  return {
    search_first: first,
    search_last: last,
    search_full: `${first} ${last}`.trim(),
    // Sorted by last name, then first: "Dubois Léa" before "Durand Anne".
    sort_name: `${last} ${first}`.trim(),
  }
}

/** Escapes LIKE's wildcards so a search for "50%" finds "50%". */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

export const likePrefix = (value: string) => `${escapeLike(value)}%`
