import {
  BUILT_IN_ROLE_CATALOG,
  type BulkResult,
  type BulkSharesRequest,
  type BulkSharesResult,
  type BulkUsersRequest,
  type CreateInvitationsInput,
  type CreateInvitationsResult,
  canAssignRole,
  descendantIds,
  type ErrorCode,
  type Group,
  type GroupShare,
  holdsSeat,
  type Invitation,
  type ItemError,
  isRefusedMailbox,
  itemError,
  type Me,
  normalizeEmail,
  type Organization,
  permissionsOf,
  ROLE_DEFINITIONS,
  type Role,
  roleEntries,
  type Share,
  type SharePermission,
  type User,
  type UserShares,
} from '@usher/contract'
import {
  FIXTURE_NOW,
  makeGroups,
  makeOrganization,
  makeUsers,
  seededRandom,
  seededUuid,
} from '@usher/fixtures'

/** The viewer a story is seen as: the toolbar's "Viewer" switch, sent as the bearer token. */
export type Viewer = 'owner' | 'admin' | 'technician'
export const VIEWERS: readonly Viewer[] = ['owner', 'admin', 'technician']

/** What a story asks of the in-memory API (`parameters.usher`). */
export interface MockScenario {
  /** People besides the three named viewers. @default 40 */
  userCount?: number
  /** Technician seats of the plan: a number, `'full'` (exactly the seats used) or null (unlimited). */
  seats?: number | 'full' | null
  /** No one but the viewer, no groups shared: the empty states. */
  empty?: boolean
  /** Adds people with very long names and addresses at the top of the list. */
  longNames?: boolean
  /** The team is not activated yet (seed 002): activating it is the first thing to do. */
  notActivated?: boolean
  /**
   * Failures injected per endpoint: `error` answers 500, `loading` never answers, `rows` makes
   * the row-level answers of batch endpoints fail for every other row (a server error per row).
   */
  faults?: Partial<Record<MockEndpoint, 'error' | 'loading' | 'rows'>>
}

export type MockEndpoint =
  | 'me'
  | 'organization'
  | 'users'
  | 'groups'
  | 'roles'
  | 'shares'
  | 'invitations'
  | 'updateUser'
  | 'bulkUsers'
  | 'bulkShares'
  | 'auth'
  | 'imports'
  | 'importChunks'

export class MockApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status?: number,
    /** RFC 9457 extension members (`password_too_weak`'s policy and problems). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

const DAY = 86_400_000
const INVITATION_DAYS = 7

function named(base: User, patch: Partial<User>): User {
  return { ...base, ...patch }
}

/**
 * A stateful, in-memory Usher API for stories: built from the shared fixtures, changed by every
 * write (an invitation adds a row the table then lists), reset for each story by the loader.
 */
export class MockDb {
  readonly scenario: MockScenario
  readonly groups: Group[]
  users: User[]
  readonly invitations = new Map<string, Invitation>()
  private readonly shares = new Map<string, { items: Share[]; version: number }>()
  private readonly random = seededRandom(42)
  private readonly seatsAllowed: number | null
  /** When the team was activated; null until then (scenario `notActivated`). */
  private activatedAt: string | null

  constructor(scenario: MockScenario = {}) {
    this.scenario = scenario
    this.activatedAt = scenario.notActivated ? null : makeOrganization().activatedAt
    this.groups = makeGroups()
    const groupIds = this.groups.map((g) => g.id)
    const [rhoneAlpes, lyon] = [this.groups[1] as Group, this.groups[2] as Group]
    const base = makeUsers((scenario.empty ? 0 : (scenario.userCount ?? 40)) + 3, { groupIds })
    const [a, b, c] = base as [User, User, User]
    const viewers = [
      named(a, { firstName: 'Camille', lastName: 'Durand', email: 'camille.durand@acme.fr', role: 'owner' }),
      named(b, {
        firstName: 'Élodie',
        lastName: 'Martin',
        email: 'elodie.martin@acme.fr',
        role: 'admin',
        status: 'active',
        invitationId: null,
        invitationExpiresAt: null,
        groupIds: [rhoneAlpes.id],
        lastActiveAt: FIXTURE_NOW.toISOString(),
      }),
      named(c, {
        firstName: 'Hugo',
        lastName: 'Moreau',
        email: 'hugo.moreau@acme.fr',
        role: 'technician',
        status: 'active',
        invitationId: null,
        invitationExpiresAt: null,
        groupIds: [lyon.id],
        lastActiveAt: FIXTURE_NOW.toISOString(),
      }),
    ]
    const long: User[] = scenario.longNames
      ? [
          named(base[3] ?? a, {
            id: seededUuid(this.random),
            firstName: 'Marie-Anne-Sophie-Charlotte',
            lastName: 'de La Tour d’Auvergne-Lauraguais de Montmorency',
            email:
              'marie-anne-sophie-charlotte.de-la-tour-dauvergne-lauraguais@maintenance-industrielle-du-grand-ouest.fr',
            role: 'technician',
            status: 'invited',
            invitationId: seededUuid(this.random),
            invitationExpiresAt: new Date(FIXTURE_NOW.getTime() + 5 * DAY).toISOString(),
          }),
          named(base[4] ?? a, {
            id: seededUuid(this.random),
            firstName: 'Bartholomew Alexander',
            lastName: 'Worthington-Fairweather-Smythe',
            email: 'bartholomew.alexander.worthington-fairweather-smythe@northwind-logistics.co.uk',
            role: 'admin',
            status: 'expired',
            invitationId: seededUuid(this.random),
            invitationExpiresAt: new Date(FIXTURE_NOW.getTime() - 2 * DAY).toISOString(),
          }),
        ]
      : []
    this.users = [...viewers, ...long, ...base.slice(3)]
    for (const user of this.users) {
      if (user.invitationId) this.invitations.set(user.invitationId, this.invitationOf(user))
    }
    const used = this.seatsUsed()
    this.seatsAllowed =
      scenario.seats === 'full'
        ? used
        : scenario.seats === undefined
          ? Math.ceil((used + 5) / 10) * 10
          : scenario.seats
  }

  // --- reads -------------------------------------------------------------------------------------

  viewer(token: string | null): User {
    const role = VIEWERS.includes(token as Viewer) ? (token as Viewer) : 'owner'
    return (
      this.users.find(
        (u) =>
          u.role === role &&
          ['camille.durand', 'elodie.martin', 'hugo.moreau'].some((n) => u.email.startsWith(n)),
      ) ?? (this.users[0] as User)
    )
  }

  seatsUsed(): number {
    return this.users.filter((u) =>
      holdsSeat(ROLE_DEFINITIONS.technician.takesSeat && u.role === 'technician', u.status),
    ).length
  }

  /** The organization as its viewers see it. */
  organization(): Organization {
    const organization = makeOrganization()
    return {
      ...organization,
      activatedAt: this.activatedAt,
      settings: { ...organization.settings, seats: this.seatsAllowed },
    }
  }

  /** POST /organization/activate: names the team and activates it. */
  activate(viewer: User, name: string): Organization {
    if (!permissionsOf(viewer.role).includes('organization:manage')) throw new MockApiError('forbidden')
    this.activatedAt = this.activatedAt ?? new Date().toISOString()
    return { ...this.organization(), name }
  }

  me(viewer: User): Me {
    return {
      user: this.present(viewer),
      organization: this.organization(),
      permissions: [...permissionsOf(viewer.role)],
      seats: { used: this.seatsUsed(), allowed: this.seatsAllowed },
      counts: {
        users: this.users.length,
        operators: this.users.filter((u) => u.role === 'technician').length,
      },
    }
  }

  /** The groups a scoped viewer acts within: their groups and every group under them. */
  private scope(viewer: User): Set<string> | null {
    if (viewer.role === 'owner') return null
    const ids = new Set<string>()
    for (const id of viewer.groupIds) for (const d of descendantIds(this.groups, id)) ids.add(d)
    for (const id of viewer.groupIds) ids.add(id)
    return ids
  }

  visibleUsers(viewer: User): User[] {
    const scope = this.scope(viewer)
    if (!scope) return this.users
    return this.users.filter((u) => u.id === viewer.id || u.groupIds.some((g) => scope.has(g)))
  }

  listUsers(
    viewer: User,
    query: { q?: string; role?: string[]; status?: string[]; groupId?: string; sort?: string },
  ): User[] {
    let list = this.visibleUsers(viewer)
    const q = query.q?.trim().toLowerCase()
    if (q) {
      list = list.filter((u) => `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(q))
    }
    if (query.role?.length) list = list.filter((u) => query.role?.includes(u.role))
    if (query.status?.length) list = list.filter((u) => query.status?.includes(u.status))
    if (query.groupId) list = list.filter((u) => u.groupIds.includes(query.groupId as string))
    const sort = query.sort ?? 'name'
    const desc = sort.startsWith('-')
    const field = desc ? sort.slice(1) : sort
    const key = (u: User): string =>
      field === 'email'
        ? u.email
        : field === 'createdAt'
          ? u.createdAt
          : field === 'lastActiveAt'
            ? (u.lastActiveAt ?? '')
            : `${u.lastName} ${u.firstName}`.toLowerCase()
    const collator = new Intl.Collator('fr', { sensitivity: 'base' })
    const sorted = [...list].sort((x, y) => collator.compare(key(x), key(y)) || x.id.localeCompare(y.id))
    return desc ? sorted.reverse() : sorted
  }

  findUser(viewer: User, id: string): User {
    const user = this.visibleUsers(viewer).find((u) => u.id === id)
    if (!user) throw new MockApiError('not_found')
    return user
  }

  visibleGroups(viewer: User): Group[] {
    if (viewer.role === 'technician') {
      const shared = new Set(this.sharesOf(viewer).items.map((s) => s.groupId))
      return this.groups.filter((g) => shared.has(g.id) || viewer.groupIds.includes(g.id))
    }
    return this.groups
  }

  /** POST /groups. */
  createGroup(viewer: User, input: { name: string; parentId?: string | null | undefined }): Group {
    if (!permissionsOf(viewer.role).includes('groups:manage')) throw new MockApiError('forbidden')
    const group: Group = {
      id: crypto.randomUUID(),
      name: input.name,
      description: null,
      parentId: input.parentId ?? null,
      memberCount: 0,
      shareCount: 0,
      createdAt: new Date().toISOString(),
      version: 1,
    }
    this.groups.push(group)
    return group
  }

  /** PATCH /groups/:id: rename or move (not under itself or a descendant). */
  updateGroup(viewer: User, id: string, patch: { name?: string; parentId?: string | null }): Group {
    if (!permissionsOf(viewer.role).includes('groups:manage')) throw new MockApiError('forbidden')
    const group = this.groups.find((g) => g.id === id)
    if (!group) throw new MockApiError('not_found')
    for (let at = patch.parentId ?? null; at; at = this.groups.find((g) => g.id === at)?.parentId ?? null) {
      if (at === id) throw new MockApiError('group_cycle')
    }
    Object.assign(group, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
      version: group.version + 1,
    })
    return group
  }

  /** DELETE /groups/:id: only an empty group. */
  deleteGroup(viewer: User, id: string): void {
    if (!permissionsOf(viewer.role).includes('groups:manage')) throw new MockApiError('forbidden')
    const index = this.groups.findIndex((g) => g.id === id)
    if (index < 0) throw new MockApiError('not_found')
    const group = this.groups[index] as Group
    if (group.memberCount > 0 || this.groups.some((g) => g.parentId === id))
      throw new MockApiError('group_not_empty')
    this.groups.splice(index, 1)
  }

  roles(): Role[] {
    return roleEntries(BUILT_IN_ROLE_CATALOG)
  }

  /** Shares: explicit once written; before that, derived from the fixture's count. */
  private sharesOf(user: User): { items: Share[]; version: number } {
    const stored = this.shares.get(user.id)
    if (stored) return stored
    const count = this.scenario.empty ? 0 : user.sharedGroupCount
    const items = this.groups.slice(0, count).map((g, i) => ({
      groupId: g.id,
      groupName: g.name,
      permission: (i % 2 ? 'manage' : 'view') as SharePermission,
    }))
    return { items, version: 1 }
  }

  userShares(viewer: User, userId: string): UserShares {
    const user = viewer.id === userId ? viewer : this.findUser(viewer, userId)
    const { items, version } = this.sharesOf(user)
    return { userId: user.id, items, version }
  }

  /** GET /groups/:id/shares: who one group is shared with. */
  groupShares(viewer: User, groupId: string): { items: GroupShare[]; nextCursor: null } {
    if (!permissionsOf(viewer.role).includes('shares:manage')) throw new MockApiError('forbidden')
    const items = this.users.flatMap((user) => {
      const found = this.sharesOf(user).items.find((item) => item.groupId === groupId)
      return found
        ? [
            {
              userId: user.id,
              name: `${user.firstName} ${user.lastName}`.trim(),
              email: user.email,
              permission: found.permission,
            },
          ]
        : []
    })
    return { items, nextCursor: null }
  }

  /** A user as the API answers it: the shared-group count follows the shares. */
  present(user: User): User {
    return { ...user, sharedGroupCount: this.sharesOf(user).items.length }
  }

  // --- writes ------------------------------------------------------------------------------------

  private requirePermission(viewer: User, permission: string) {
    if (!(permissionsOf(viewer.role) as readonly string[]).includes(permission)) {
      throw new MockApiError('forbidden')
    }
  }

  private replaceUser(next: User) {
    this.users = this.users.map((u) => (u.id === next.id ? next : u))
  }

  private invitationOf(user: User): Invitation {
    const expiresAt =
      user.invitationExpiresAt ?? new Date(FIXTURE_NOW.getTime() + INVITATION_DAYS * DAY).toISOString()
    return {
      id: user.invitationId ?? seededUuid(this.random),
      userId: user.id,
      email: user.email,
      salutation: user.salutation,
      firstName: user.firstName,
      lastName: user.lastName,
      role: user.role,
      groupIds: user.groupIds,
      locale: user.locale,
      status: user.status === 'expired' ? 'expired' : 'pending',
      invitedBy: null,
      expiresAt,
      lastSentAt: user.createdAt,
      sendCount: 1,
      createdAt: user.createdAt,
    }
  }

  createInvitations(viewer: User, input: CreateInvitationsInput): CreateInvitationsResult {
    this.requirePermission(viewer, 'users:invite')
    const rowFaults = this.scenario.faults?.invitations === 'rows'
    const results: CreateInvitationsResult['results'] = input.invitations.map((row, index) => {
      const email = normalizeEmail(row.email)
      const fail = (code: ErrorCode, path?: string): CreateInvitationsResult['results'][number] => ({
        index,
        status: 'failed',
        email,
        error: path
          ? itemError(code, undefined, [
              { path, code: code === 'email_taken' ? 'email_taken' : 'invalid_value', message: code },
            ])
          : itemError(code),
      })
      const existing = this.users.find((u) => u.email === email)
      if (existing) return fail(existing.status === 'invited' ? 'invitation_pending' : 'email_taken')
      if (isRefusedMailbox(email)) return fail('shared_mailbox_refused')
      if (!canAssignRole(viewer.role, row.role)) return fail('role_above_own')
      if (rowFaults && index % 2 === 1) return fail('internal_error')
      if (
        row.role === 'technician' &&
        this.seatsAllowed !== null &&
        this.seatsUsed() + 1 > this.seatsAllowed
      ) {
        return fail('seat_limit_reached')
      }
      const now = FIXTURE_NOW.toISOString()
      const user: User = {
        ...(this.users[0] as User),
        id: seededUuid(this.random),
        salutation: row.salutation || null,
        firstName: row.firstName,
        lastName: row.lastName ?? '',
        nickname: null,
        email,
        phone: row.phone ?? null,
        jobTitle: null,
        department: null,
        externalId: null,
        locale: row.locale || 'fr',
        role: row.role,
        status: 'invited',
        invitationId: seededUuid(this.random),
        invitationExpiresAt: new Date(FIXTURE_NOW.getTime() + INVITATION_DAYS * DAY).toISOString(),
        contactFor: row.contactFor ?? [],
        groupIds: row.groupIds ?? [],
        sharedGroupCount: 0,
        primaryContact: false,
        source: 'invitation',
        createdAt: now,
        lastActiveAt: null,
        version: 1,
      }
      this.users = [...this.users, user]
      this.shares.set(user.id, { items: [], version: 1 })
      const invitation = this.invitationOf(user)
      this.invitations.set(invitation.id, invitation)
      return { index, status: 'created', invitation, user }
    })
    const created = results.filter((r) => r.status === 'created').length
    return { results, created, failed: results.length - created }
  }

  resendInvitation(viewer: User, invitationId: string): Invitation {
    this.requirePermission(viewer, 'users:invite')
    const user = this.visibleUsers(viewer).find((u) => u.invitationId === invitationId)
    if (!user) throw new MockApiError('not_found')
    if (user.status !== 'invited' && user.status !== 'expired') throw new MockApiError('status_not_allowed')
    const next: User = {
      ...user,
      status: 'invited',
      invitationExpiresAt: new Date(FIXTURE_NOW.getTime() + INVITATION_DAYS * DAY).toISOString(),
      version: user.version + 1,
    }
    this.replaceUser(next)
    const invitation = { ...this.invitationOf(next), sendCount: 2, lastSentAt: FIXTURE_NOW.toISOString() }
    this.invitations.set(invitationId, invitation)
    return invitation
  }

  revokeInvitation(viewer: User, invitationId: string) {
    this.requirePermission(viewer, 'users:invite')
    const user = this.visibleUsers(viewer).find((u) => u.invitationId === invitationId)
    if (!user) throw new MockApiError('not_found')
    this.invitations.delete(invitationId)
    this.users = this.users.filter((u) => u.id !== user.id)
  }

  updateUser(viewer: User, id: string, patch: Partial<User> & { enabled?: boolean }): User {
    this.requirePermission(viewer, 'users:update')
    const user = this.findUser(viewer, id)
    if (patch.role && !canAssignRole(viewer.role, patch.role)) throw new MockApiError('role_above_own')
    if (user.id === viewer.id && (patch.role || patch.enabled !== undefined))
      throw new MockApiError('forbidden')
    const { enabled, ...rest } = patch
    const status =
      enabled === false ? 'disabled' : enabled === true && user.status === 'disabled' ? 'active' : user.status
    const next: User = { ...user, ...rest, status, version: user.version + 1 }
    this.replaceUser(next)
    return this.present(next)
  }

  deleteUser(viewer: User, id: string) {
    this.requirePermission(viewer, 'users:delete')
    const user = this.findUser(viewer, id)
    if (user.role === 'owner') throw new MockApiError('last_owner')
    this.users = this.users.filter((u) => u.id !== id)
  }

  bulkUsers(viewer: User, request: BulkUsersRequest): BulkResult {
    const rowFaults = this.scenario.faults?.bulkUsers === 'rows'
    const results = request.userIds.map((id, index): BulkResult['results'][number] => {
      try {
        if (rowFaults && index % 2 === 1) throw new MockApiError('internal_error')
        const user = this.findUser(viewer, id)
        switch (request.action) {
          case 'changeRole':
            this.updateUser(viewer, id, { role: request.role })
            break
          case 'enable':
          case 'disable':
            this.updateUser(viewer, id, { enabled: request.action === 'enable' })
            break
          case 'resendInvitation':
            if (!user.invitationId) throw new MockApiError('status_not_allowed')
            this.resendInvitation(viewer, user.invitationId)
            break
          case 'forcePasswordChange':
            this.updateUser(viewer, id, { mustChangePassword: true })
            break
          case 'delete':
            this.deleteUser(viewer, id)
            break
        }
        return { id, ok: true }
      } catch (error) {
        return { id, ok: false, error: toItemError(error) }
      }
    })
    const succeeded = results.filter((r) => r.ok).length
    return { results, succeeded, failed: results.length - succeeded }
  }

  replaceShares(
    viewer: User,
    userId: string,
    shares: readonly { groupId: string; permission: SharePermission }[],
  ): UserShares {
    this.requirePermission(viewer, 'shares:manage')
    const user = this.findUser(viewer, userId)
    const current = this.sharesOf(user)
    const items = shares.map((s) => ({
      ...s,
      groupName: this.groups.find((g) => g.id === s.groupId)?.name ?? '',
    }))
    this.shares.set(user.id, { items, version: current.version + 1 })
    return { userId, items, version: current.version + 1 }
  }

  bulkShares(viewer: User, request: BulkSharesRequest): BulkSharesResult {
    this.requirePermission(viewer, 'shares:manage')
    const rowFaults = this.scenario.faults?.bulkShares === 'rows'
    const groupIds =
      request.groupIds === 'all' ? this.visibleGroups(viewer).map((g) => g.id) : request.groupIds
    const results = request.userIds.map((userId, index): BulkSharesResult['results'][number] => {
      try {
        if (rowFaults && index % 2 === 1) throw new MockApiError('internal_error')
        const user = this.findUser(viewer, userId)
        const current = new Map(this.sharesOf(user).items.map((s) => [s.groupId, s.permission]))
        let added = 0
        let changed = 0
        let removed = 0
        for (const groupId of groupIds) {
          const had = current.get(groupId)
          if (request.action === 'share') {
            if (had === undefined) added++
            else if (had !== request.permission) changed++
            current.set(groupId, request.permission)
          } else if (had !== undefined && (!request.permission || had === request.permission)) {
            removed++
            current.delete(groupId)
          }
        }
        this.replaceShares(
          viewer,
          userId,
          [...current].map(([groupId, permission]) => ({ groupId, permission })),
        )
        return { userId, ok: true, added, changed, removed }
      } catch (error) {
        return { userId, ok: false, error: toItemError(error) }
      }
    })
    const succeeded = results.filter((r) => r.ok).length
    return { results, succeeded, failed: results.length - succeeded }
  }
}

function toItemError(error: unknown): ItemError {
  return itemError(error instanceof MockApiError ? error.code : 'internal_error')
}
