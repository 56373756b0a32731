/**
 * Lowercase, accents stripped, every apostrophe typed as ', hyphens and spaces folded into one
 * space: "Élodie  d’Ornano" and "elodie d'ornano" meet, "jean baptiste" finds "Jean-Baptiste".
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim()
}

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
