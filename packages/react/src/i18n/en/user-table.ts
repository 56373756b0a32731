/** Owned by the user-table component. */
export const userTable = {
  title: 'Users',
} as const
