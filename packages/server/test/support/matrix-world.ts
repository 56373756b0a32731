import { randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { hashPassword } from '../../src/auth/passwords'
import { signHostToken } from '../../src/auth/tokens'
import type { Database } from '../../src/db/schema'
import { insertPerson, openInvitation } from '../../src/domain/people'
import { newLinkToken } from '../../src/domain/tokens'
import { createTestOrg, TEST_SECRET, type TestServer } from './harness'

/**
 * The world of the authorization matrix (test/authz-matrix.test.ts): organization A with groups
 * gIn > gInChild (the admin's) and gOut (not theirs), its owner, a group-scoped admin and a
 * technician; organization B with its owner. Every cell then asks `targets()` for fresh people,
 * invitations, groups and imports on either side of the admin's scope, so no cell sees what
 * another one changed.
 */

/** Which side of the admin's scope a target sits on: under gIn, or under gOut. */
export type Side = 'in' | 'out'

export interface Member {
  id: string
  orgId: string
  email: string
}

export interface Person extends Member {
  firstName: string
  lastName: string
  /** What an answer about someone else must never show: their address and name. */
  secrets: string[]
}

export interface GroupRef {
  id: string
  name: string
  secrets: string[]
}

export interface Answer {
  status: number
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field by the matrix
  body: any
}

/** Every account of the world starts with this password; `passwords` tracks changes. */
export const START_PASSWORD = 'Quartz lantern meadow 81'
/** The password of the fresh people the cells create (login, reset). */
export const TARGET_PASSWORD = 'Copper kettle orbit 57'

const GROUP_IN = 'Matrix inner group'
const GROUP_OUT = 'Matrix outer group'

let passwordCounter = 0
/** A new strong password, different each time (the policy's strength check must pass). */
export const freshPassword = () => `Violet harbor ${letters(6)} ${++passwordCounter} tundra`

let tagCounter = 0
function letters(n: number): string {
  return [...randomBytes(n)].map((b) => String.fromCharCode(97 + (b % 26))).join('')
}
/** Unique lowercase letters: a prefix no other cell's names or addresses start with. */
function uniqueTag(): string {
  let n = ++tagCounter
  let prefix = ''
  do {
    prefix += String.fromCharCode(97 + (n % 26))
    n = Math.floor(n / 26)
  } while (n > 0)
  return `${prefix}${letters(5)}`
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export interface MatrixWorld {
  t: TestServer
  db: Kysely<Database>
  orgA: { id: string; slug: string }
  orgB: { id: string; slug: string }
  ownerA: Member
  admin: Member
  tech: Member
  ownerB: Member
  groups: { gIn: string; gInChild: string; gOut: string }
  /** The current password of each world account (changePassword cells change them). */
  passwords: Map<string, string>
  token(member: Member): Promise<string>
  /** A token of A's owner that expired an hour ago, signed like a host's. */
  expiredToken(): Promise<string>
  /** A raw request: no SDK, so nothing is checked or refused before the server answers. */
  call(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>
  userVersion(id: string): Promise<number>
  sharesVersion(id: string): Promise<number>
  groupVersion(id: string): Promise<number>
  orgVersion(id: string): Promise<number>
  groupOf(side: Side): string
  /** The name of gIn or gOut: an answer to someone who may not see the group must not show it. */
  groupName(side: Side): string
  /** Fresh targets for one cell (each made on first use). */
  targets(): Targets
}

export async function createMatrixWorld(t: TestServer): Promise<MatrixWorld> {
  const db = t.server.db
  const now = () => t.clock.now()
  const [a, b, startHash, targetHash] = await Promise.all([
    createTestOrg(t, { name: 'Matrix A' }),
    createTestOrg(t, { name: 'Matrix B' }),
    hashPassword(START_PASSWORD),
    hashPassword(TARGET_PASSWORD),
  ])

  const insertGroup = async (name: string, parentId: string | null) => {
    const id = randomUUID()
    await db
      .insertInto('groups')
      .values({ id, org_id: a.id, name, description: null, parent_id: parentId, created_at: now() })
      .execute()
    return id
  }
  const gIn = await insertGroup(GROUP_IN, null)
  const gInChild = await insertGroup('Matrix in child', gIn)
  const gOut = await insertGroup(GROUP_OUT, null)

  const admin = await a.addMember({ role: 'admin', groupIds: [gIn], password: START_PASSWORD })
  const tech = await a.addMember({ role: 'technician', groupIds: [gInChild], password: START_PASSWORD })
  // A technician sees the groups shared with them, not the ones they belong to: one share, so
  // their list of groups has something to show.
  await db
    .insertInto('shares')
    .values({
      user_id: tech.user.id,
      group_id: gInChild,
      org_id: a.id,
      permission: 'view',
      created_at: now(),
    })
    .execute()
  // Owners are created without a password (hosts sign them in); changePassword needs one.
  await db
    .updateTable('accounts')
    .set({ password_hash: startHash })
    .where('id', 'in', (eb) =>
      eb.selectFrom('users').select('account_id').where('id', 'in', [a.owner.user.id, b.owner.user.id]),
    )
    .execute()

  const member = (user: { id: string; email: string }, orgId: string): Member => ({
    id: user.id,
    orgId,
    email: user.email,
  })
  const ownerA = member(a.owner.user, a.id)
  const ownerB = member(b.owner.user, b.id)
  const passwords = new Map<string, string>()
  for (const m of [ownerA, ownerB, member(admin.user, a.id), member(tech.user, a.id)]) {
    passwords.set(m.id, START_PASSWORD)
  }

  const call: MatrixWorld['call'] = async (method, path, { token, body, headers: extra } = {}) => {
    const headers: Record<string, string> = { ...extra }
    if (token) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = null
    if (text) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
      }
    }
    return { status: res.status, text, body: parsed }
  }

  const world: MatrixWorld = {
    t,
    db,
    orgA: { id: a.id, slug: a.slug },
    orgB: { id: b.id, slug: b.slug },
    ownerA,
    admin: member(admin.user, a.id),
    tech: member(tech.user, a.id),
    ownerB,
    groups: { gIn, gInChild, gOut },
    passwords,
    token: (m) => t.server.provision.token({ userId: m.id, orgId: m.orgId }),
    expiredToken: () =>
      signHostToken({
        secret: TEST_SECRET,
        userId: ownerA.id,
        orgId: ownerA.orgId,
        now: new Date(now().getTime() - 3_600_000),
        expiresInSeconds: 60,
      }),
    call,
    async userVersion(id) {
      const row = await db
        .selectFrom('users')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return row.version
    },
    async sharesVersion(id) {
      const row = await db
        .selectFrom('users')
        .select('shares_version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return row.shares_version
    },
    async groupVersion(id) {
      const row = await db
        .selectFrom('groups')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return row.version
    },
    async orgVersion(id) {
      const row = await db
        .selectFrom('organizations')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return row.version
    },
    groupOf: (side) => (side === 'in' ? gIn : gOut),
    groupName: (side) => (side === 'in' ? GROUP_IN : GROUP_OUT),
    targets: () => new Targets(world, targetHash, insertGroup),
  }
  return world
}

/** One cell's targets, made on first use and kept for the rest of the cell. */
export class Targets {
  /** Starts every name and address of this cell's targets: a search for it finds only them. */
  readonly tag = uniqueTag()
  private readonly made = new Map<string, Promise<unknown>>()

  constructor(
    private readonly w: MatrixWorld,
    private readonly targetHash: string,
    private readonly insertGroup: (name: string, parentId: string | null) => Promise<string>,
  ) {}

  get Tag() {
    return capital(this.tag)
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let promise = this.made.get(key) as Promise<T> | undefined
    if (!promise) {
      promise = make()
      this.made.set(key, promise)
    }
    return promise
  }

  private async person(kind: string, side: Side, passwordHash: string | null): Promise<Person> {
    const email = `${this.tag}.${kind}${side}@example.com`
    const firstName = 'Tess'
    const lastName = `${this.Tag}${capital(kind)}${capital(side)}`
    const row = await insertPerson(
      this.w.db,
      {
        orgId: this.w.orgA.id,
        email,
        firstName,
        lastName,
        locale: 'en',
        role: 'technician',
        source: 'manual',
        groupIds: [this.w.groupOf(side)],
        passwordHash,
      },
      this.w.t.clock.now(),
    )
    if (!row) throw new Error(`email taken: ${email}`)
    return { id: row.id, orgId: row.org_id, email, firstName, lastName, secrets: [email, lastName] }
  }

  /** An active technician with a password, member of gIn (in) or gOut (out). */
  tech(side: Side): Promise<Person> {
    return this.once(`tech:${side}`, () => this.person('tech', side, this.targetHash))
  }

  /** An invited technician in gIn or gOut, with a pending invitation sent two hours ago. */
  invitation(side: Side): Promise<{ id: string; token: string; person: Person }> {
    return this.once(`invitation:${side}`, async () => {
      const person = await this.person('inv', side, null)
      const user = await this.w.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow()
      // Sent long enough ago that a resend is not throttled.
      const sentAt = new Date(this.w.t.clock.now().getTime() - 2 * 3_600_000)
      const { invitation, token } = await openInvitation(
        this.w.db,
        { user, invitedBy: this.w.ownerA.id, lifetimeDays: 30 },
        sentAt,
      )
      return { id: invitation.id, token, person }
    })
  }

  /** An empty group under gIn or gOut. */
  group(side: Side): Promise<GroupRef> {
    return this.once(`group:${side}`, async () => {
      const name = `Cell ${this.tag} ${side}`
      return { id: await this.insertGroup(name, this.w.groupOf(side)), name, secrets: [name] }
    })
  }

  /** A group under gOut shared with the admin: they see it but do not govern it. */
  sharedGroup(): Promise<GroupRef> {
    return this.once('shared', async () => {
      const name = `Cell ${this.tag} shared`
      const id = await this.insertGroup(name, this.w.groups.gOut)
      await this.share(this.w.admin.id, id)
      return { id, name, secrets: [name] }
    })
  }

  /** An open import: `in` started by the admin (into gIn), `out` by the owner (into gOut). */
  import(side: Side): Promise<{ id: string; secrets: string[] }> {
    return this.once(`import:${side}`, async () => {
      const fileName = `${this.tag}-${side}.csv`
      const answer = await this.w.call('POST', '/imports', {
        token: await this.w.token(side === 'in' ? this.w.admin : this.w.ownerA),
        body: {
          fileName,
          format: 'csv',
          totalRows: 3,
          options: { targetGroupId: this.w.groupOf(side), sendInvitations: false },
        },
      })
      if (answer.status !== 201) throw new Error(`cannot open an import: ${answer.status} ${answer.text}`)
      return { id: answer.body.id as string, secrets: [fileName] }
    })
  }

  /** Shares `groupId` with `userId` (view), straight into the database. */
  async share(userId: string, groupId: string): Promise<void> {
    await this.w.db
      .insertInto('shares')
      .values({
        user_id: userId,
        group_id: groupId,
        org_id: this.w.orgA.id,
        permission: 'view',
        created_at: this.w.t.clock.now(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'group_id']).doNothing())
      .execute()
  }

  /** A live password-reset link of the `tech(side)` person. */
  resetToken(side: Side): Promise<string> {
    return this.once(`reset:${side}`, async () => {
      const person = await this.tech(side)
      const { token, hash } = newLinkToken()
      const now = this.w.t.clock.now()
      await this.w.db
        .insertInto('password_resets')
        .values({
          id: randomUUID(),
          org_id: person.orgId,
          user_id: person.id,
          token_hash: hash,
          expires_at: new Date(now.getTime() + 3_600_000),
          created_at: now,
        })
        .execute()
      return token
    })
  }

  /** Audit events about both technicians, written by the owner through the API. */
  auditTrail(): Promise<void> {
    return this.once('audit', async () => {
      const [inside, outside] = await Promise.all([this.tech('in'), this.tech('out')])
      const answer = await this.w.call('POST', '/users/bulk', {
        token: await this.w.token(this.w.ownerA),
        body: { action: 'forcePasswordChange', userIds: [inside.id, outside.id] },
      })
      if (answer.status !== 200 || answer.body.succeeded !== 2) {
        throw new Error(`cannot write the audit trail: ${answer.status} ${answer.text}`)
      }
    })
  }
}
