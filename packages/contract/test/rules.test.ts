import { describe, expect, it } from 'vitest'
import {
  allowedActions,
  BUILT_IN_ROLES,
  buildGroupTree,
  buildPath,
  canAssignRole,
  canManageAccountOf,
  DEFAULT_PASSWORD_POLICY,
  DEFAULT_REFUSED_MAILBOXES,
  descendantIds,
  duplicateEmailIndexes,
  emailLocalPart,
  emailsEqual,
  endpoints,
  formatEtag,
  type GroupNode,
  hasPermission,
  holdsSeat,
  invitationStatusAt,
  isActionAllowed,
  isRefusedMailbox,
  isValidPhone,
  NAME_MAX_LENGTH,
  nameProblem,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  PASSWORD_MAX_LENGTH,
  type PasswordPolicy,
  PERMISSIONS,
  parseIfMatch,
  passwordRulesBroken,
  permissionsOf,
  ROLE_DEFINITIONS,
  USER_ACTIONS,
  USER_STATUSES,
  type UserAction,
  type UserStatus,
} from '../src/index'

describe('given email addresses typed by people', () => {
  it('normalises case, surrounding spaces and Unicode form', () => {
    expect(normalizeEmail('  Jean.Dupont@ACME.fr \n')).toBe('jean.dupont@acme.fr')
    // "é" typed as e + combining acute (macOS, some keyboards) becomes the single code point.
    expect(normalizeEmail('Jose\u0301@acme.fr')).toBe('jos\u00e9@acme.fr')
  })

  it('compares two spellings of the same address as equal', () => {
    expect(emailsEqual('Jean.Dupont@Acme.FR', ' jean.dupont@acme.fr ')).toBe(true)
    expect(emailsEqual('Jose\u0301@acme.fr', 'JOS\u00c9@acme.fr')).toBe(true)
  })

  it('keeps different people apart', () => {
    expect(emailsEqual('jean.dupont@acme.fr', 'jean.dupond@acme.fr')).toBe(false)
    expect(emailsEqual('jean@acme.fr', 'jean@acme.com')).toBe(false)
  })

  it('takes the local part before the last @, and nothing from a non-address', () => {
    expect(emailLocalPart('jean.dupont@acme.fr')).toBe('jean.dupont')
    expect(emailLocalPart('"a@b"@acme.fr')).toBe('"a@b"')
    expect(emailLocalPart('not-an-address')).toBe('')
    expect(emailLocalPart('@acme.fr')).toBe('')
  })
})

describe('given a shared department mailbox (seed 001: maintenance@...)', () => {
  it('refuses every address of the default list, whatever the domain', () => {
    for (const box of DEFAULT_REFUSED_MAILBOXES) {
      expect(isRefusedMailbox(`${box}@acme.fr`), box).toBe(true)
    }
  })

  it('covers the names DESIGN.md lists', () => {
    for (const box of [
      'admin',
      'contact',
      'info',
      'maintenance',
      'noreply',
      'no-reply',
      'sales',
      'support',
    ]) {
      expect(DEFAULT_REFUSED_MAILBOXES).toContain(box)
    }
  })

  it('refuses the usual spellings of one mailbox', () => {
    expect(isRefusedMailbox('no.reply@acme.fr')).toBe(true)
    expect(isRefusedMailbox('No_Reply@acme.fr')).toBe(true)
    expect(isRefusedMailbox('NO-REPLY@ACME.FR')).toBe(true)
    expect(isRefusedMailbox('noreply+tickets@acme.fr')).toBe(true)
    expect(isRefusedMailbox('  Maintenance@Acme.fr ')).toBe(true)
  })

  it('refuses accented French mailboxes through their unaccented entry', () => {
    expect(isRefusedMailbox('comptabilité@acme.fr')).toBe(true)
    expect(isRefusedMailbox('Secrétariat@acme.fr')).toBe(true)
  })

  it('accepts people whose address merely contains a mailbox name', () => {
    expect(isRefusedMailbox('jean.support@acme.fr')).toBe(false)
    expect(isRefusedMailbox('maintenance.dupont@acme.fr')).toBe(false)
    expect(isRefusedMailbox('supporter@acme.fr')).toBe(false)
    expect(isRefusedMailbox('marie.info@acme.fr')).toBe(false)
    expect(isRefusedMailbox('jean.dupont@support.acme.fr')).toBe(false)
  })

  it("replaces the default list with the organization's own", () => {
    const orgList = ['compta', 'atelier']
    expect(isRefusedMailbox('compta@acme.fr', orgList)).toBe(true)
    expect(isRefusedMailbox('Atelier+lyon@acme.fr', orgList)).toBe(true)
    // Not in the org's list any more, even though the default list has them.
    expect(isRefusedMailbox('support@acme.fr', orgList)).toBe(false)
    expect(isRefusedMailbox('noreply@acme.fr', orgList)).toBe(false)
  })

  it('lets an organization refuse nothing', () => {
    expect(isRefusedMailbox('support@acme.fr', [])).toBe(false)
  })

  it('does not refuse a string that is not an address', () => {
    expect(isRefusedMailbox('support')).toBe(false)
    expect(isRefusedMailbox('')).toBe(false)
  })
})

describe('given a list of emails with repeats', () => {
  it('points each repeat at the first row holding that address', () => {
    expect(duplicateEmailIndexes(['a@x.fr', 'b@x.fr', ' A@X.FR', 'c@x.fr', 'b@x.fr', 'a@x.fr'])).toEqual([
      [2, 0],
      [4, 1],
      [5, 0],
    ])
  })

  it('skips blanks and non-strings, which fail validation on their own', () => {
    expect(duplicateEmailIndexes(['', '', null, undefined, 42, 42, '  '])).toEqual([])
  })

  it('finds nothing in a list of distinct addresses', () => {
    expect(duplicateEmailIndexes(['a@x.fr', 'b@x.fr', 'a@y.fr'])).toEqual([])
  })
})

describe('given person names', () => {
  it('trims, folds runs of white space and composes accents', () => {
    expect(normalizeName('  Jean   \t Dupont  ')).toBe('Jean Dupont')
    expect(normalizeName('E\u0301lodie')).toBe('\u00c9lodie')
  })

  it('accepts accents, apostrophes, hyphens and non-Latin letters', () => {
    for (const name of [
      'Jean-Éric',
      "O'Connor",
      'd’Almeida',
      'Nguyễn',
      'Østergaard',
      'de La Fontaine',
      'Zoë',
    ]) {
      expect(nameProblem(normalizeName(name)), name).toBeNull()
    }
  })

  it('accepts a name of exactly the maximum length', () => {
    expect(nameProblem('a'.repeat(NAME_MAX_LENGTH))).toBeNull()
  })

  it('refuses what could pass for a link or markup in an invitation email', () => {
    for (const name of [
      'https://evil.example',
      'Jean http://evil.example',
      'www.evil.example',
      'Visit WWW.evil.example',
      '<b>Jean</b>',
      'Jean <script>',
      'jean@evil.example',
      'Jean/Dupont',
    ]) {
      expect(nameProblem(normalizeName(name)), name).toBe('invalid_name')
    }
  })

  it('refuses control and invisible format characters', () => {
    expect(nameProblem(normalizeName('Jean\u0000Dupont'))).toBe('invalid_name')
    expect(nameProblem(normalizeName('Jean\u0007'))).toBe('invalid_name')
    expect(nameProblem(normalizeName('Jean\u200bDupont'))).toBe('invalid_name')
    expect(nameProblem(normalizeName('Jean\u202eDupont'))).toBe('invalid_name')
  })

  it('refuses a name with no letter at all', () => {
    expect(nameProblem('12345')).toBe('invalid_name')
    expect(nameProblem("-- ''")).toBe('invalid_name')
  })

  it('refuses empty and over-long names', () => {
    expect(nameProblem(normalizeName('   '))).toBe('required')
    expect(nameProblem('a'.repeat(NAME_MAX_LENGTH + 1))).toBe('too_long')
  })
})

describe('given phone numbers as people write them', () => {
  it('accepts French and UK formats', () => {
    for (const phone of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '+44 20 7946 0958',
      '020 7946 0958',
      '07700 900123',
      '+44 (0)7700 900123',
    ]) {
      expect(isValidPhone(phone), phone).toBe(true)
    }
  })

  it('refuses letters, too few digits and more than E.164 allows', () => {
    expect(isValidPhone('06 12 AB 56 78')).toBe(false)
    expect(isValidPhone('call me')).toBe(false)
    expect(isValidPhone('12345')).toBe(false)
    expect(isValidPhone('+')).toBe(false)
    expect(isValidPhone('')).toBe(false)
    expect(isValidPhone('+33 6 12 34 56 78 90 12')).toBe(true)
    expect(isValidPhone('+33 6 12 34 56 78 90 123')).toBe(false)
  })

  it('keeps the leading + and the digits only', () => {
    expect(normalizePhone(' +33 (0)6 12.34-56 78 ')).toBe('+330612345678')
    expect(normalizePhone('06 12 34 56 78')).toBe('0612345678')
  })
})

describe('given the built-in roles', () => {
  it('gives the owner every permission', () => {
    expect([...permissionsOf('owner')].sort()).toEqual([...PERMISSIONS].sort())
  })

  it("gives an admin everything but the organization's settings", () => {
    const admin = permissionsOf('admin')
    expect(admin).not.toContain('organization:manage')
    expect([...admin].sort()).toEqual(PERMISSIONS.filter((p) => p !== 'organization:manage').sort())
  })

  it('gives a technician no permission: they cannot invite (seed 000)', () => {
    expect(permissionsOf('technician')).toEqual([])
    expect(hasPermission(permissionsOf('technician'), 'users:invite')).toBe(false)
    expect(hasPermission(permissionsOf('admin'), 'users:invite')).toBe(true)
  })

  it('gives an unknown role nothing', () => {
    expect(permissionsOf('superuser')).toEqual([])
  })

  it('acts everywhere as owner, only within assigned groups as admin (seed 003)', () => {
    expect(ROLE_DEFINITIONS.owner.scope).toBe('organization')
    expect(ROLE_DEFINITIONS.admin.scope).toBe('groups')
    expect(ROLE_DEFINITIONS.technician.scope).toBe('groups')
  })

  it("counts technicians against the plan's seats, not admins (seed 002's operators)", () => {
    expect(ROLE_DEFINITIONS.technician.takesSeat).toBe(true)
    expect(ROLE_DEFINITIONS.admin.takesSeat).toBe(false)
    expect(ROLE_DEFINITIONS.owner.takesSeat).toBe(false)
  })

  it('lets an owner manage a co-owner, and a group admin nobody of their own rank or above', () => {
    expect(canManageAccountOf('owner', 'owner')).toBe(true)
    expect(canManageAccountOf('owner', 'admin')).toBe(true)
    expect(canManageAccountOf('admin', 'technician')).toBe(true)
    expect(canManageAccountOf('admin', 'admin')).toBe(false)
    expect(canManageAccountOf('admin', 'owner')).toBe(false)
    expect(canManageAccountOf('technician', 'technician')).toBe(false)
    expect(canManageAccountOf('unknown', 'technician')).toBe(false)
  })

  it('lets nobody give a role above their own', () => {
    expect(canAssignRole('admin', 'owner')).toBe(false)
    expect(canAssignRole('technician', 'admin')).toBe(false)
    expect(canAssignRole('technician', 'owner')).toBe(false)
    expect(canAssignRole('superuser', 'technician')).toBe(false)
  })

  it('lets anyone give their own role or a lower one', () => {
    for (const actor of BUILT_IN_ROLES) {
      for (const target of BUILT_IN_ROLES) {
        const expected = ROLE_DEFINITIONS[target].rank <= ROLE_DEFINITIONS[actor].rank
        expect(canAssignRole(actor, target), `${actor} → ${target}`).toBe(expected)
      }
    }
    expect(canAssignRole('owner', 'owner')).toBe(true)
    expect(canAssignRole('admin', 'admin')).toBe(true)
    expect(canAssignRole('admin', 'technician')).toBe(true)
  })
})

describe('given the status of an account', () => {
  const expectOnly = (action: UserAction, statuses: readonly UserStatus[]) => {
    for (const status of USER_STATUSES) {
      expect(isActionAllowed(status, action), `${action} when ${status}`).toBe(statuses.includes(status))
    }
  }

  it('resends or revokes only a pending or lapsed invitation', () => {
    expectOnly('resendInvitation', ['invited', 'expired'])
    expectOnly('revokeInvitation', ['invited', 'expired'])
  })

  it('disables only an active account and enables only a disabled one', () => {
    expectOnly('disable', ['active'])
    expectOnly('enable', ['disabled'])
  })

  it('forces a password change only on an active account', () => {
    expectOnly('forcePasswordChange', ['active'])
  })

  it('allows delete, edit, role change and shared groups at any time (seeds 000, 002)', () => {
    for (const action of ['delete', 'edit', 'changeRole', 'shareGroups'] as const) {
      expectOnly(action, USER_STATUSES)
    }
  })

  it('lists only known actions', () => {
    for (const status of USER_STATUSES) {
      for (const action of allowedActions(status)) expect(USER_ACTIONS).toContain(action)
    }
  })
})

describe('given an invitation and the current time', () => {
  const expiresAt = '2026-12-23T09:00:00.000Z'

  it('is still pending one millisecond before its expiry', () => {
    expect(invitationStatusAt(expiresAt, new Date('2026-12-23T08:59:59.999Z'))).toBe('invited')
  })

  it('has expired at the exact expiry instant and after', () => {
    expect(invitationStatusAt(expiresAt, new Date(expiresAt))).toBe('expired')
    expect(invitationStatusAt(new Date(expiresAt), new Date('2027-01-01T00:00:00Z'))).toBe('expired')
  })

  it('reads offsets, not just UTC', () => {
    // 10:00+01:00 is 09:00Z, the same instant.
    expect(invitationStatusAt('2026-12-23T10:00:00+01:00', new Date(expiresAt))).toBe('expired')
    expect(invitationStatusAt('2026-12-23T10:00:01+01:00', new Date(expiresAt))).toBe('invited')
  })
})

describe('given seat accounting', () => {
  it('holds a seat for an active or invited technician', () => {
    expect(holdsSeat(true, 'active')).toBe(true)
    expect(holdsSeat(true, 'invited')).toBe(true)
  })

  it('frees the seat of a lapsed invitation or a disabled account', () => {
    expect(holdsSeat(true, 'expired')).toBe(false)
    expect(holdsSeat(true, 'disabled')).toBe(false)
  })

  it('never holds one for a role that takes no seat', () => {
    for (const status of USER_STATUSES) expect(holdsSeat(false, status)).toBe(false)
  })
})

describe('given a password and a policy', () => {
  const strict: PasswordPolicy = {
    ...DEFAULT_PASSWORD_POLICY,
    minLength: 8,
    requireLowercase: true,
    requireUppercase: true,
    requireDigit: true,
    requireSymbol: true,
  }

  it('passes a long passphrase under the default policy', () => {
    expect(passwordRulesBroken('correct horse battery staple', DEFAULT_PASSWORD_POLICY)).toEqual([])
  })

  it('reports a short password', () => {
    expect(passwordRulesBroken('short', DEFAULT_PASSWORD_POLICY)).toEqual(['min_length'])
    expect(passwordRulesBroken('a'.repeat(11), DEFAULT_PASSWORD_POLICY)).toEqual(['min_length'])
    expect(passwordRulesBroken('a'.repeat(12), DEFAULT_PASSWORD_POLICY)).toEqual([])
  })

  it('reports each character class the policy asks for and the password lacks', () => {
    expect(passwordRulesBroken('alllowercase', strict)).toEqual(['uppercase', 'digit', 'symbol'])
    expect(passwordRulesBroken('ALLUPPER1!', strict)).toEqual(['lowercase'])
    expect(passwordRulesBroken('Été à Paris 2024 !', strict)).toEqual([])
    // Any character that is neither a letter, a digit nor a space counts as a symbol.
    for (const symbol of ['#', '€', '-', '_', '.', '😀']) {
      expect(passwordRulesBroken(`Motdepasse24${symbol}`, strict), symbol).toEqual([])
    }
    expect(passwordRulesBroken('Mot de passe 24', strict)).toEqual(['symbol'])
  })

  it('asks for no character class the policy does not require', () => {
    expect(passwordRulesBroken('only lowercase words', DEFAULT_PASSWORD_POLICY)).toEqual([])
  })

  it("refuses a password containing the person's email local part or name, in any case", () => {
    const context = { email: 'jean.dupont@acme.fr', names: ['Jean', 'Dupont'] }
    expect(passwordRulesBroken('my Jean.Dupont secret', DEFAULT_PASSWORD_POLICY, context)).toEqual([
      'contains_email',
      'contains_name',
    ])
    expect(passwordRulesBroken('tout va bien chez DUPONT', DEFAULT_PASSWORD_POLICY, context)).toEqual([
      'contains_name',
    ])
    expect(passwordRulesBroken('a calm blue lighthouse', DEFAULT_PASSWORD_POLICY, context)).toEqual([])
  })

  it('ignores name and email parts too short to matter', () => {
    const context = { email: 'jo@acme.fr', names: ['Li'] }
    expect(passwordRulesBroken('jolie lime limonade', DEFAULT_PASSWORD_POLICY, context)).toEqual([])
  })

  it('caps the length so hashing cannot be abused', () => {
    expect(passwordRulesBroken('a'.repeat(PASSWORD_MAX_LENGTH), DEFAULT_PASSWORD_POLICY)).toEqual([])
    expect(passwordRulesBroken('a'.repeat(PASSWORD_MAX_LENGTH + 1), DEFAULT_PASSWORD_POLICY)).toEqual([
      'max_length',
    ])
  })

  it('counts characters, not UTF-16 units', () => {
    // Six emoji are 12 UTF-16 units but only 6 characters.
    expect(passwordRulesBroken('😀'.repeat(6), DEFAULT_PASSWORD_POLICY)).toEqual(['min_length'])
  })
})

describe('given nested groups as a flat list', () => {
  type G = { id: string; parentId: string | null; name: string }
  const g = (id: string, name: string, parentId: string | null = null): G => ({ id, name, parentId })
  const groups: G[] = [
    g('sites-lyon', 'Lyon', 'clients'),
    g('zenith', 'Zénith'),
    g('clients', 'Clients'),
    g('sites-annecy', 'Annecy', 'clients'),
    g('atelier', 'atelier'),
    g('etoile', 'Étoile'),
    g('lyon-7', 'Lyon 7e', 'sites-lyon'),
    g('orphan', 'Dépôt', 'not-visible'),
  ]
  const names = (nodes: GroupNode<G>[]) => nodes.map((n) => n.group.name)

  it('nests children under their parents, with depths', () => {
    const roots = buildGroupTree(groups)
    const clients = roots.find((n) => n.group.id === 'clients')
    expect(names(clients?.children ?? [])).toEqual(['Annecy', 'Lyon'])
    const lyon = clients?.children.find((n) => n.group.id === 'sites-lyon')
    expect(lyon?.depth).toBe(1)
    expect(lyon?.children.map((n) => [n.group.id, n.depth])).toEqual([['lyon-7', 2]])
  })

  it("shows a group whose parent the caller cannot see as a root (a technician's shared subtree)", () => {
    const roots = buildGroupTree(groups)
    const orphan = roots.find((n) => n.group.id === 'orphan')
    expect(orphan?.depth).toBe(0)
  })

  it('sorts by name as French readers expect: case and accents do not push a name to the end', () => {
    expect(names(buildGroupTree(groups))).toEqual(['atelier', 'Clients', 'Dépôt', 'Étoile', 'Zénith'])
  })

  it('does not change the list it was given', () => {
    const copy = structuredClone(groups)
    buildGroupTree(groups)
    expect(groups).toEqual(copy)
  })

  it('gives a share of a group its subgroups, at every depth', () => {
    expect(descendantIds(groups, 'clients')).toEqual(
      new Set(['clients', 'sites-lyon', 'sites-annecy', 'lyon-7']),
    )
    expect(descendantIds(groups, 'sites-lyon')).toEqual(new Set(['sites-lyon', 'lyon-7']))
    expect(descendantIds(groups, 'zenith')).toEqual(new Set(['zenith']))
  })

  it('terminates on a cycle in corrupt data', () => {
    const cyclic = [g('a', 'A', 'b'), g('b', 'B', 'a')]
    expect(descendantIds(cyclic, 'a')).toEqual(new Set(['a', 'b']))
  })
})

describe('given resource versions in ETag and If-Match headers', () => {
  it('formats a strong ETag that If-Match parsing reads back', () => {
    expect(formatEtag(7)).toBe('"7"')
    expect(parseIfMatch(formatEtag(0))).toBe(0)
    expect(parseIfMatch(formatEtag(123456))).toBe(123456)
  })

  it('accepts quoted and bare versions, not weak ones (If-Match compares strongly)', () => {
    expect(parseIfMatch('"7"')).toBe(7)
    expect(parseIfMatch(' "7" ')).toBe(7)
    expect(parseIfMatch('7')).toBe(7)
    expect(parseIfMatch('W/"7"')).toBeNull()
  })

  it('names no version for `*`, garbage, lists or missing headers', () => {
    for (const header of ['*', 'garbage', '"abc"', '"-1"', '"1.5"', '"7", "8"', '', '""', 'w/"7"']) {
      expect(parseIfMatch(header), header).toBeNull()
    }
    expect(parseIfMatch(null)).toBeNull()
    expect(parseIfMatch(undefined)).toBeNull()
  })
})

describe('given endpoint paths with parameters', () => {
  it('fills and URI-encodes path parameters', () => {
    expect(buildPath(endpoints.getUserShares.path, { id: 'a/b c?' })).toBe('/users/a%2Fb%20c%3F/shares')
    expect(buildPath('/users/{id}', { id: '5f0c' })).toBe('/users/5f0c')
  })

  it('leaves a path without parameters as it is', () => {
    expect(buildPath(endpoints.getMe.path)).toBe('/me')
  })

  it('throws on a missing parameter rather than calling /users/undefined', () => {
    expect(() => buildPath('/users/{id}', {})).toThrow(TypeError)
    expect(() => buildPath('/users/{id}')).toThrow(/id/)
  })
})

describe('given names that mail clients would turn into links', () => {
  it.each(['evil.com', 'Jean evil.fr', 'Support acme.io'])('refuses "%s"', (name) => {
    expect(nameProblem(name)).toBe('invalid_name')
  })

  it.each(['St. John', 'J.R.R. Tolkien', 'Dr. Who', 'Marie.Claire'])('accepts "%s"', (name) => {
    expect(nameProblem(name)).toBeNull()
  })
})

describe('given groups named with numbers and accents', () => {
  it('orders them numerically and alike on every machine', () => {
    const names = ['Site 10', 'Zèbre', 'Site 2', 'élan'].map((name, i) => ({
      id: String(i),
      parentId: null,
      name,
    }))
    expect(buildGroupTree(names).map((node) => node.group.name)).toEqual([
      'élan',
      'Site 2',
      'Site 10',
      'Zèbre',
    ])
  })
})

describe('given a role to give', () => {
  it('refuses unknown roles, and custom roles that grant what the actor lacks', () => {
    expect(canAssignRole('admin', 'superuser')).toBe(false)
    expect(canAssignRole('mystery', 'technician')).toBe(false)
    const custom = {
      auditor: {
        rank: 5,
        permissions: ['audit:read'] as const,
        scope: 'organization' as const,
        takesSeat: false,
      },
      billing: {
        rank: 5,
        permissions: ['organization:manage'] as const,
        scope: 'organization' as const,
        takesSeat: false,
      },
    }
    expect(canAssignRole('admin', 'auditor', custom)).toBe(true)
    expect(canAssignRole('admin', 'billing', custom)).toBe(false)
    expect(canAssignRole('owner', 'billing', custom)).toBe(true)
    expect(canAssignRole('technician', 'auditor', custom)).toBe(false)
  })
})

describe('given groups whose parents form a cycle (bad data)', () => {
  it('keeps every group in the tree', () => {
    const tree = buildGroupTree([
      { id: 'a', parentId: 'b', name: 'A' },
      { id: 'b', parentId: 'a', name: 'B' },
      { id: 'c', parentId: null, name: 'C' },
    ])
    const all: string[] = []
    const walk = (nodes: GroupNode<{ id: string; parentId: string | null; name: string }>[]) => {
      for (const node of nodes) {
        all.push(node.group.id)
        walk(node.children)
      }
    }
    walk(tree)
    expect(all.sort()).toEqual(['a', 'b', 'c'])
  })
})

describe('given names from other scripts and with dots', () => {
  it('accepts a zero-width non-joiner (Persian names) and capitalised particles after a dot', () => {
    expect(nameProblem('Mohammad\u200cReza')).toBeNull()
    expect(nameProblem('Anne.De Villiers')).toBeNull()
  })

  it('still refuses other invisible format characters', () => {
    expect(nameProblem('Jean\u202eevil')).toBe('invalid_name')
  })
})
