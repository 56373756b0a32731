export const common = {
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  confirm: 'Confirm',
  delete: 'Delete',
  search: 'Search',
  clear: 'Clear',
  actions: 'Actions',
  none: 'None',
  unknownError: 'Something went wrong. Try again in a moment.',
  offline: 'The server could not be reached. Check your connection and try again.',
  relative: {
    expiresIn: 'expires {{when}}',
    expiredOn: 'expired {{when}}',
  },
} as const
