import type { UsherServerOptions } from '@usher/server'

/**
 * The demo product's own role beside owner, admin and technician: an operator works in the
 * remote-support console, takes one of the plan's seats like a technician, and may read the team
 * list. Declared once here, in the server's options: `GET /roles` lists it, every role picker
 * offers it to whoever may give it, and the seat counter counts it.
 */
export const DEMO_ROLES: NonNullable<UsherServerOptions['roles']> = {
  operator: {
    rank: 15,
    permissions: ['users:read'],
    scope: 'groups',
    takesSeat: true,
    label: { en: 'Operator', fr: 'Opérateur' },
  },
}
