/** Owned by the person picker (ui/): find one person by name or address. */
export const personPicker = {
  search: 'Search by name or email',
  noMatch: 'Nobody matches.',
} as const
