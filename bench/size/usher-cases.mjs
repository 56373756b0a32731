/**
 * What hosts import from @usher/react, with the initial-JS budgets (gzip) a host page must stay
 * under, and the groups of dependencies the users page's bytes are attributed to.
 * See docs/decisions/0017-bundle-size.md.
 */
import { join } from 'node:path'
import { HOST_PEERS, measure, ROOT } from './lib.mjs'

export const USHER_PACKAGES = { '@usher/react': join(ROOT, 'packages', 'react') }

/** `id` names the figure in recorded.json; `budget` is initial JS, gzip bytes (null: not budgeted). */
export const CASES = [
  {
    id: 'users-page',
    what: 'users page: UsherProvider, UserTable, InviteForm, SharedGroupsDialog, SeatUsage',
    source: `export { UsherProvider, UserTable, InviteForm, SharedGroupsDialog, SeatUsage } from '@usher/react'`,
    budget: 60_000,
  },
  {
    id: 'provider-table',
    what: 'UsherProvider + UserTable',
    source: `export { UsherProvider, UserTable } from '@usher/react'`,
    budget: 45_000,
  },
  {
    id: 'role-badge',
    what: 'RoleBadge',
    source: `export { RoleBadge } from '@usher/react'`,
    budget: 3_000,
  },
  {
    id: 'status-badge',
    what: 'StatusBadge',
    source: `export { StatusBadge } from '@usher/react'`,
    budget: 2_000,
  },
  // Each dialog on the users page: what its first open fetches beyond the page (a lazily loaded
  // part, held to LAZY_CHUNK_BUDGET). The initial figure is the page's, budgeted above.
  ...[
    ['edit-user-dialog', 'EditUserDialog'],
    ['import-users-dialog', 'ImportUsersDialog'],
    ['group-shares-dialog', 'GroupSharesDialog'],
  ].map(([id, name]) => ({
    id: `users-page+${id}`,
    what: `users page + ${name}`,
    source: `export { UsherProvider, UserTable, InviteForm, SharedGroupsDialog, SeatUsage, ${name} } from '@usher/react'`,
    budget: null,
  })),
]

/** Largest budget of one lazily loaded chunk (a dialog, a menu), gzip bytes. */
export const LAZY_CHUNK_BUDGET = 25_000

/**
 * Where the users page's bytes go. A package not matched here counts as "other"; the `external`
 * patterns take the group out of the bundle to measure what removing it would save.
 */
export const GROUPS = [
  {
    name: 'Radix + floating-ui + remove-scroll',
    match: (p) =>
      p === 'radix-ui' ||
      p.startsWith('@radix-ui/') ||
      p.startsWith('@floating-ui/') ||
      p.startsWith('react-remove-scroll') ||
      [
        'aria-hidden',
        'use-sidecar',
        'use-callback-ref',
        'react-style-singleton',
        'get-nonce',
        'detect-node-es',
        'tslib',
      ].includes(p),
    external: ['radix-ui', 'radix-ui/*', '@radix-ui/*'],
  },
  { name: 'zod', match: (p) => p === 'zod', external: ['zod', 'zod/*'] },
  {
    name: 'react-hook-form (+ resolvers)',
    match: (p) => p === 'react-hook-form' || p === '@hookform/resolvers',
    external: ['react-hook-form', '@hookform/resolvers', '@hookform/resolvers/*'],
  },
  {
    name: 'react-virtual',
    match: (p) => p.startsWith('@tanstack/') && p.includes('virtual'),
    external: ['@tanstack/react-virtual'],
  },
  { name: 'ky', match: (p) => p === 'ky', external: ['ky'] },
  { name: 'papaparse', match: (p) => p === 'papaparse', external: ['papaparse'] },
  // Usher's own code, per package: @usher/contract carries the zod schemas' definitions.
  { name: "Usher's own code: @usher/react", match: (p) => p === '@usher/react', external: null },
  { name: "Usher's own code: @usher/contract", match: (p) => p === '@usher/contract', external: null },
  { name: "Usher's own code: @usher/sdk", match: (p) => p === '@usher/sdk', external: null },
]

/** Measures one case of CASES (peers external, as a host that already ships them). */
export function measureCase(testCase, extraExternal = [], label = testCase.id) {
  return measure({
    source: testCase.source,
    packages: USHER_PACKAGES,
    external: [...HOST_PEERS, ...extraExternal],
    label,
  })
}

/** Sums a measurement's `byPackage` into GROUPS (plus "other"). */
export function attribute(byPackage) {
  const rows = GROUPS.map((g) => ({ group: g, min: 0, gzip: 0, packages: [] }))
  const other = { group: { name: 'other', external: null }, min: 0, gzip: 0, packages: [] }
  for (const [name, size] of Object.entries(byPackage)) {
    const row = rows.find((r) => r.group.match(name)) ?? other
    row.min += size.min
    row.gzip += size.gzip
    row.packages.push(name)
  }
  return [...rows, other].filter((r) => r.min > 0)
}
