export const roles = {
  owner: 'Owner',
  admin: 'Administrator',
  technician: 'Technician',
  custom: 'Custom role ({{key}})',
  mayDo: 'May:',
  nothing: 'See the groups shared with them and their own profile.',
} as const

export const permissions = {
  'users:read': 'see users',
  'users:invite': 'invite people',
  'users:update': 'edit users and roles',
  'users:delete': 'delete users',
  'groups:manage': 'manage groups',
  'shares:manage': 'share groups',
  'imports:run': 'import users',
  'audit:read': 'read the audit log',
  'organization:manage': 'manage the organization',
} as const

export const status = {
  invited: 'Invited',
  expired: 'Invitation expired',
  active: 'Active',
  disabled: 'Disabled',
  invitedExpires: 'Invited, expires {{when}}',
  expiredSince: 'Invitation expired {{when}}',
} as const

export const seatUsage = {
  label: 'Seats',
  used: { one: '{{count}} of {{allowed}} used', other: '{{count}} of {{allowed}} used' },
  after: {
    one: '({{count}} of {{allowed}} with this form)',
    other: '({{count}} of {{allowed}} with this form)',
  },
  unlimited: { one: '{{count}} used (unlimited)', other: '{{count}} used (unlimited)' },
  full: 'All seats are taken.',
  fills: 'This form takes the last seats.',
  over: {
    one: 'This form goes over the plan by {{count}} seat.',
    other: 'This form goes over the plan by {{count}} seats.',
  },
  overNow: { one: 'Over the plan by {{count}} seat.', other: 'Over the plan by {{count}} seats.' },
  counts: { one: '{{count}} user', other: '{{count}} users' },
} as const
