/** Owned by the shared-groups component. */
export const sharedGroups = {
  title: 'Shared groups',
} as const
