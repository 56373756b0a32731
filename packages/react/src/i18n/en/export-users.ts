/** Owned by the export-users component. */
export const exportUsers = {
  all: 'Export',
  selected: { one: 'Export selected ({{count}})', other: 'Export selected ({{count}})' },
  pending: 'Exporting…',
  done: 'Downloaded {{fileName}}.',
  failed: 'The export failed: {{reason}}',
  tooMany: 'Select at most {{max}} people to export them, or export the whole list.',
} as const
