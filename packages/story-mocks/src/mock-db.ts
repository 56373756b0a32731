import {
  type BulkResult,
  type BulkSharesRequest,
  type BulkSharesResult,
  type BulkUsersRequest,
  type CountUsersQuerySchema,
  type CreateGroupSchema,
  type CreateImportSchema,
  type CreateInvitationsResult,
  type CreateInvitationsSchema,
  coveredGroupIds,
  type DirectoryToken,
  type DirectoryTokenCreated,
  type Group,
  type GroupShare,
  type Import,
  type ImportChunkSchema,
  type ImportRowResult,
  type Invitation,
  invitationStatusAt,
  isEnabledOwner,
  type ListUsersQuerySchema,
  type Me,
  type Organization,
  type Permission,
  type Role,
  type RoleCatalog,
  roleEntries,
  type SharePermission,
  type UpdateGroupSchema,
  type UpdateUserSchema,
  type User,
  type UserCount,
  type UserShares,
  type UserStatus,
  userMatchesSearch,
} from '@usher/contract'
import { FIXTURE_NOW, makeGroups, makeOrganization, seededRandom } from '@usher/fixtures'
import type * as z from 'zod'
import { MockApiError } from './errors'
import { activate, createGroup, deleteGroup, updateGroup } from './group-writes'
import {
  addImportChunk,
  cancelImport,
  completeImport,
  createImport,
  importOf,
  importReport,
  type MockImport,
} from './import-writes'
import {
  createInboundEmailToken,
  revokeInboundEmailToken,
  storyInboundEmailTokens,
} from './inbound-email-writes'
import { createInvitations, invitationOf, resendInvitation, revokeInvitation } from './invitation-writes'
import { storyPeople, VIEWER_EMAILS } from './people'
import { type MockScenario, STORY_ROLES, VIEWERS, type Viewer } from './scenario'
import { bulkShares, groupShares, replaceShares, type StoredShares, sharesOf } from './share-writes'
import { bulkUsers, deleteUser, updateUser } from './user-writes'

/**
 * A stateful, in-memory Usher API for stories: built from the shared fixtures, changed by every
 * write (an invitation adds a row the table then lists), reset for each story by the loader.
 * Every decision is the contract's, over `roles` (the built-in roles and the demo's host role):
 * the writes live beside it (`user-writes`, `invitation-writes`, `share-writes`, `group-writes`,
 * `import-writes`), this class holds the state, the reads and the checks they share.
 */
export class MockDb {
  readonly scenario: MockScenario
  /** The organization's roles: every rank, permission, scope and seat comes from here. */
  readonly roles: RoleCatalog
  /** The story clock: statuses and expiries are read at this instant. */
  readonly now: Date = FIXTURE_NOW
  readonly groups: Group[]
  users: User[]
  readonly invitations = new Map<string, Invitation>()
  /** Shares written by a story; before that, a person's shares derive from the fixture's count. */
  readonly shares = new Map<string, StoredShares>()
  readonly imports = new Map<string, MockImport>()
  /** The live tokens of the mail pipeline, newest first (their secrets are not kept). */
  readonly inboundEmailTokens: DirectoryToken[]
  readonly random = seededRandom(42)
  readonly seatsAllowed: number | null
  /** When the team was activated; null until then (scenario `notActivated`). */
  activatedAt: string | null

  constructor(scenario: MockScenario = {}, roles: RoleCatalog = STORY_ROLES) {
    this.scenario = scenario
    this.roles = roles
    this.activatedAt = scenario.notActivated ? null : makeOrganization().activatedAt
    this.groups = makeGroups()
    this.inboundEmailTokens = storyInboundEmailTokens(scenario)
    this.users = storyPeople(scenario, this.groups, this.random)
    for (const user of this.users) {
      if (user.invitationId) this.invitations.set(user.invitationId, invitationOf(this, user))
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

  /** The person a bearer token names: one of the viewers; anything else (or one missing) is the owner. */
  viewer(token: string | null): User {
    const key: Viewer = VIEWERS.includes(token as Viewer) ? (token as Viewer) : 'owner'
    return this.users.find((u) => u.email === VIEWER_EMAILS[key]) ?? (this.users[0] as User)
  }

  /** A person's status now: a pending invitation lapses at its expiry, as the server reads it. */
  statusOf(user: User): UserStatus {
    if ((user.status === 'invited' || user.status === 'expired') && user.invitationExpiresAt) {
      return invitationStatusAt(user.invitationExpiresAt, this.now)
    }
    return user.status
  }

  seatsUsed(): number {
    return this.users.filter((u) => this.roles.holdsSeat({ role: u.role, status: this.statusOf(u) })).length
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

  me(viewer: User): Me {
    return {
      user: this.present(viewer),
      organization: this.organization(),
      permissions: [...this.roles.permissionsOf(viewer.role)],
      seats: { used: this.seatsUsed(), allowed: this.seatsAllowed },
      counts: {
        users: this.users.length,
        operators: this.users.filter((u) => this.roles.takesSeat(u.role)).length,
      },
    }
  }

  /** The groups a group-scoped viewer acts within (theirs and every group under them); null: all. */
  scopeOf(viewer: User): Set<string> | null {
    if (this.roles.scopeOf(viewer.role) === 'organization') return null
    return coveredGroupIds(this.groups, viewer.groupIds)
  }

  visibleUsers(viewer: User): User[] {
    const scope = this.scopeOf(viewer)
    if (!scope) return this.users
    return this.users.filter((u) => u.id === viewer.id || u.groupIds.some((g) => scope.has(g)))
  }

  /** The people the list's search and filters keep (the contract's search rule, as the server's). */
  matchingUsers(viewer: User, query: z.output<typeof CountUsersQuerySchema>): User[] {
    let list = this.visibleUsers(viewer).filter((u) => userMatchesSearch(u, query.q))
    if (query.role?.length) list = list.filter((u) => query.role?.includes(u.role))
    if (query.status?.length) list = list.filter((u) => query.status?.includes(this.statusOf(u)))
    if (query.source?.length) list = list.filter((u) => query.source?.includes(u.source))
    if (query.groupId) list = list.filter((u) => u.groupIds.includes(query.groupId as string))
    return list
  }

  /** GET /users/count: exact (a story's database is small), or an estimate when the scenario asks. */
  countUsers(viewer: User, query: z.output<typeof CountUsersQuerySchema>): UserCount {
    const count = this.matchingUsers(viewer, query).length
    if (!this.scenario.estimatedCounts || count < 10) return { count, exact: true }
    const step = 10 ** (Math.floor(Math.log10(count)) - 1)
    return { count: Math.ceil(count / step) * step, exact: false }
  }

  listUsers(viewer: User, query: z.output<typeof ListUsersQuerySchema>): User[] {
    const list = this.matchingUsers(viewer, query)
    const desc = query.sort.startsWith('-')
    const field = desc ? query.sort.slice(1) : query.sort
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

  /** A person the viewer may see; anyone else is a 404, as if they did not exist. */
  findUser(viewer: User, id: string): User {
    const user = this.visibleUsers(viewer).find((u) => u.id === id)
    if (!user) throw new MockApiError('not_found')
    return user
  }

  /** Everything for those who manage groups; for the others, theirs and those shared with them. */
  visibleGroups(viewer: User): Group[] {
    if (this.can(viewer, 'groups:manage')) return this.groups
    const own = [...this.sharesOf(viewer).items.map((s) => s.groupId), ...viewer.groupIds]
    const covered = coveredGroupIds(this.groups, own)
    return this.groups.filter((g) => covered.has(g.id))
  }

  /** GET /roles. */
  roleList(): Role[] {
    return roleEntries(this.roles)
  }

  sharesOf(user: User): StoredShares {
    return sharesOf(this, user)
  }

  userShares(viewer: User, userId: string): UserShares {
    const user = viewer.id === userId ? viewer : this.findUser(viewer, userId)
    const { items, version } = this.sharesOf(user)
    return { userId: user.id, items, version }
  }

  groupShares(viewer: User, groupId: string): { items: GroupShare[]; nextCursor: null } {
    return groupShares(this, viewer, groupId)
  }

  /** A user as the API answers it: the status read now, the shared-group count from the shares. */
  present(user: User): User {
    return { ...user, status: this.statusOf(user), sharedGroupCount: this.sharesOf(user).items.length }
  }

  // --- the checks the writes share ---------------------------------------------------------------

  can(viewer: User, permission: Permission): boolean {
    return this.roles.permissionsOf(viewer.role).includes(permission)
  }

  requirePermission(viewer: User, permission: Permission) {
    if (!this.can(viewer, permission)) throw new MockApiError('forbidden')
  }

  /** 403 role_above_own unless the viewer may write on `target`'s account (`canManage`; oneself is fine). */
  requireManage(viewer: User, target: User) {
    if (target.id !== viewer.id && !this.roles.canManage(viewer.role, target.role)) {
      throw new MockApiError('role_above_own')
    }
  }

  /** 409 seat_limit_reached when one more seat holder would overrun the plan. */
  requireSeat() {
    if (this.seatsAllowed !== null && this.seatsUsed() + 1 > this.seatsAllowed) {
      throw new MockApiError('seat_limit_reached')
    }
  }

  /** 409 last_owner when `leaving` is the organization's only enabled owner. */
  requireOwnerLeft(leaving: User) {
    const owners = this.users.filter((u) => isEnabledOwner(u.role, this.statusOf(u) !== 'disabled'))
    if (owners.every((u) => u.id === leaving.id)) throw new MockApiError('last_owner')
  }

  /** 412 version_mismatch when the version the client read (`If-Match`) is not the current one. */
  requireVersion(current: number, read: number | undefined) {
    if (read !== undefined && read !== current) throw new MockApiError('version_mismatch')
  }

  replaceUser(next: User) {
    this.users = this.users.map((u) => (u.id === next.id ? next : u))
  }

  // --- writes (see the modules beside this one) --------------------------------------------------

  activate(viewer: User, name: string): Organization {
    return activate(this, viewer, name)
  }
  createGroup(viewer: User, input: z.output<typeof CreateGroupSchema>): Group {
    return createGroup(this, viewer, input)
  }
  updateGroup(viewer: User, id: string, patch: z.output<typeof UpdateGroupSchema>, version?: number): Group {
    return updateGroup(this, viewer, id, patch, version)
  }
  deleteGroup(viewer: User, id: string): void {
    deleteGroup(this, viewer, id)
  }
  createInvitations(viewer: User, input: z.output<typeof CreateInvitationsSchema>): CreateInvitationsResult {
    return createInvitations(this, viewer, input)
  }
  resendInvitation(viewer: User, invitationId: string): Invitation {
    return resendInvitation(this, viewer, invitationId)
  }
  revokeInvitation(viewer: User, invitationId: string): void {
    revokeInvitation(this, viewer, invitationId)
  }
  updateUser(viewer: User, id: string, patch: z.output<typeof UpdateUserSchema>, version?: number): User {
    return updateUser(this, viewer, id, patch, version)
  }
  deleteUser(viewer: User, id: string): void {
    deleteUser(this, viewer, id)
  }
  bulkUsers(viewer: User, request: BulkUsersRequest): BulkResult {
    return bulkUsers(this, viewer, request)
  }
  replaceShares(
    viewer: User,
    userId: string,
    shares: readonly { groupId: string; permission: SharePermission }[],
    version?: number,
  ): UserShares {
    return replaceShares(this, viewer, userId, shares, version)
  }
  bulkShares(viewer: User, request: BulkSharesRequest): BulkSharesResult {
    return bulkShares(this, viewer, request)
  }
  createImport(viewer: User, input: z.output<typeof CreateImportSchema>): Import {
    return createImport(this, viewer, input)
  }
  addImportChunk(viewer: User, importId: string, chunk: z.output<typeof ImportChunkSchema>) {
    return addImportChunk(this, viewer, importId, chunk)
  }
  completeImport(viewer: User, importId: string): Import {
    return completeImport(this, viewer, importId)
  }
  cancelImport(viewer: User, importId: string): Import {
    return cancelImport(this, viewer, importId)
  }
  importOf(viewer: User, importId: string): Import {
    return importOf(this, viewer, importId).job
  }
  importReport(viewer: User, importId: string, status?: ImportRowResult['status']): ImportRowResult[] {
    return importReport(this, viewer, importId, status)
  }
  createInboundEmailToken(name: string): DirectoryTokenCreated {
    return createInboundEmailToken(this, name)
  }
  revokeInboundEmailToken(id: string): void {
    revokeInboundEmailToken(this, id)
  }
}
