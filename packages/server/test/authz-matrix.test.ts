import { randomUUID } from 'node:crypto'
import {
  buildPath,
  type EndpointDefinition,
  type EndpointName,
  type ErrorCode,
  endpoints,
} from '@usher/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/harness'
import {
  type Answer,
  createMatrixWorld,
  freshPassword,
  type GroupRef,
  type MatrixWorld,
  type Member,
  type Side,
  START_PASSWORD,
  TARGET_PASSWORD,
  type Targets,
} from './support/matrix-world'
import { closeOpenReviews, reviewWithTech } from './support/review-world'

/**
 * Every endpoint of the contract × every kind of caller, each cell with the status the rules
 * give (issue 3). Requests are raw `fetch`es with valid bodies and the headers each endpoint
 * needs, so the answer is the server's authorization and nothing else; every cell works on fresh
 * targets (support/matrix-world.ts).
 */

const CALLERS = ['owner', 'adminIn', 'adminOut', 'technician', 'otherOrg', 'anonymous', 'expired'] as const
type Caller = (typeof CALLERS)[number]

const COLUMN: Record<Caller, string> = {
  owner: 'owner',
  adminIn: 'admin in',
  adminOut: 'admin out',
  technician: 'technician',
  otherOrg: 'other org',
  anonymous: 'anonymous',
  expired: 'expired',
}

/**
 * Where each caller's target sits by default. The owner works on targets outside the admin's
 * groups (the whole organization is theirs); the other organization's owner and the technician
 * get ids the admin could reach, so only their own standing explains a refusal.
 */
const DEFAULT_SIDE: Record<Caller, Side> = {
  owner: 'out',
  adminIn: 'in',
  adminOut: 'out',
  technician: 'in',
  otherOrg: 'in',
  anonymous: 'in',
  expired: 'in',
}

/**
 * Cells where the server answers against the rule: each one must still fail, so fixing the server
 * without updating this list fails the suite too. Key: `endpoint × caller` or
 * `endpoint × caller (probe)`.
 */
const KNOWN_GAPS: readonly { cell: string; note: string }[] = []

interface Cell {
  caller: Caller
  w: MatrixWorld
  x: Targets
  /** The caller's account (the expired token is A's owner's); null when anonymous. */
  me: Member | null
}

interface Req {
  /** A follow-up on another endpoint than the row's (e.g. the link still works after a refusal). */
  endpoint?: EndpointName
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  ifMatch?: number
  /** Names and addresses the caller may not see: a refusal must not show them. */
  secrets?: string[]
  /** Follow `nextCursor` and check the whole list. */
  paginate?: boolean
  /** Sent without the caller's token. */
  anonymous?: boolean
  onSuccess?: () => void
}

type Problems = string[]
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, checked field by field
type Json = any
type Check = (body: Json, c: Cell) => Problems | Promise<Problems>

interface Expect {
  /** 'success': the endpoint's success status in the contract. */
  status: number | 'success'
  code?: ErrorCode
  /** A field error the problem (or the batch item) must carry. */
  field?: { path: string; code: string }
  check?: Check
  /** The answer is a refusal in disguise (a batch item, an empty list): check the secrets too. */
  hides?: boolean
}

interface Probe {
  label?: string
  req: Req
  expect: Expect
}

type Spec = Expect | { na: string } | ((c: Cell) => Promise<Probe[]>)

interface Row {
  request(c: Cell, side: Side): Promise<Req>
  sides?: Partial<Record<Caller, Side>>
  cells: Partial<Record<Caller, Spec>>
}

// ---------------------------------------------------------------------------------------------
// Expectations

const OK: Expect = { status: 'success' }
const ok = (check: Check, hides = false): Expect => ({ status: 'success', check, hides })
const status = (code: number, errorCode?: ErrorCode): Expect => ({ status: code, code: errorCode })
const UNAUTHENTICATED = status(401, 'unauthenticated')
const TOKEN_EXPIRED = status(401, 'token_expired')
const FORBIDDEN = status(403, 'forbidden')
const NOT_FOUND = status(404, 'not_found')
const CONFLICT = status(409, 'conflict')
const EMAIL_MISMATCH = status(409, 'invitation_email_mismatch')
/** 422 with a `not_found` field error: an id in the body names nothing the caller may use. */
const fieldNotFound = (path: string): Expect => ({
  status: 422,
  code: 'validation_failed',
  field: { path, code: 'not_found' },
})
/** 404 whose field error says which body field named the missing thing. */
const notFoundAt = (path: string): Expect => ({ ...NOT_FOUND, field: { path, code: 'not_found' } })
const na = (reason: string) => ({ na: reason })

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200)

/** The first result of a batch answer (bulkUsers, bulkShares: `ok`; createInvitations: `status`). */
const firstItem = (body: { results?: unknown[] } | null) =>
  (body?.results?.[0] ?? null) as {
    ok?: boolean
    status?: string
    error?: { code?: string; errors?: { path: string; code: string }[] }
  } | null

const itemOk = ok((b) => (firstItem(b)?.ok === true ? [] : [`item ${show(firstItem(b))}, expected ok`]))
const itemNotFound = ok((b) => {
  const item = firstItem(b)
  return item?.ok === false && item.error?.code === 'not_found'
    ? []
    : [`item ${show(item)}, expected not_found`]
}, true)
const rowCreated = ok((b) =>
  firstItem(b)?.status === 'created' ? [] : [`row ${show(firstItem(b))}, expected created`],
)
const rowFieldNotFound = (path: string) =>
  ok((b) => {
    const item = firstItem(b)
    const found =
      item?.status === 'failed' &&
      item.error?.code === 'validation_failed' &&
      item.error.errors?.some((e) => e.path === path && e.code === 'not_found')
    return found ? [] : [`row ${show(item)}, expected validation_failed with ${path} not_found`]
  }, true)

type Ids = Record<string, string>
interface Listed {
  present?: Ids
  absent?: Ids
  /** Names and addresses of what is absent: they must not show anywhere in the answer. */
  unnamed?: string[]
}
/**
 * A list answer that shows `present` and none of `absent` (the labels name the ids in messages);
 * `key` is the field that holds an item's id.
 */
const listing = (want: (c: Cell) => Promise<Listed>, key = 'id'): Expect =>
  ok(async (body, c) => {
    const got = new Set((body?.items ?? []).map((item: Record<string, string>) => item[key]))
    const { present = {}, absent = {}, unnamed = [] } = await want(c)
    const text = JSON.stringify(body)
    return [
      ...Object.entries(present)
        .filter(([, id]) => !got.has(id))
        .map(([label]) => `the list lacks ${label}`),
      ...Object.entries(absent)
        .filter(([, id]) => got.has(id))
        .map(([label]) => `the list shows ${label}`),
      ...unnamed.filter((secret) => text.includes(secret)).map((secret) => `the answer names "${secret}"`),
    ]
  })

/** A CSV export that names `present` and none of `absent`. */
const exported = (
  want: (c: Cell) => Promise<{ present?: string[]; absent?: string[] }>,
  hides = false,
): Expect =>
  ok(async (body, c) => {
    const text = typeof body === 'string' ? body : ''
    const { present = [], absent = [] } = await want(c)
    return [
      ...(/^\uFEFF?Name,Email,/.test(text) ? [] : ['not the CSV export']),
      ...present.filter((value) => !text.includes(value)).map((value) => `the file lacks ${value}`),
      ...absent.filter((value) => text.includes(value)).map((value) => `the file names ${value}`),
    ]
  }, hides)

/** A page of review lines that shows (or hides) the cell's target technician. */
const reviewLines = (want: 'present' | 'absent'): Expect =>
  ok(async (body, c) => {
    const email = (await c.x.tech(DEFAULT_SIDE[c.caller])).email
    const shown = (body?.items ?? []).some((item: Json) => item.user?.email === email)
    return shown === (want === 'present') ? [] : [`the lines ${shown ? 'show' : 'lack'} ${email}`]
  }, want === 'absent')

/** A review's CSV outcome that names (or not) the cell's target technician. */
const reviewFile = (want: 'present' | 'absent'): Expect =>
  ok(async (body, c) => {
    const text = typeof body === 'string' ? body : ''
    const email = (await c.x.tech(DEFAULT_SIDE[c.caller])).email
    return [
      ...(/^\uFEFF?Person,Email,/.test(text) ? [] : ['not the review outcome CSV']),
      ...(text.includes(email) === (want === 'present')
        ? []
        : [`the file ${want === 'present' ? 'lacks' : 'names'} ${email}`]),
    ]
  }, want === 'absent')

/** A count answer: the caller counts only the people of this cell they may see. */
const counted = (n: number): Expect =>
  ok(
    (body) => (body?.count === n && body?.exact === true ? [] : [`counted ${show(body)}, expected ${n}`]),
    n === 0,
  )

const eventCount = (expected: 'some' | 'none') =>
  ok((body) => {
    const n = body?.items?.length ?? 0
    return (expected === 'some' ? n > 0 : n === 0) ? [] : [`${n} audit event(s), expected ${expected}`]
  }, expected === 'none')

/** The answer is about this cell's own targets (public endpoints ignore the caller's token). */
const aboutTarget = (pick: (body: Json) => unknown): Expect =>
  ok((body, c) => {
    const email = pick(body)
    return typeof email === 'string' && email.startsWith(`${c.x.tag}.`)
      ? []
      : [`answers about ${show(email)}, not this cell's target`]
  })

/** Same expectation in every column: public endpoints, where the token is no credential. */
const everyone = (spec: Spec, others: Partial<Record<Caller, Spec>> = {}) =>
  Object.fromEntries(CALLERS.map((caller) => [caller, others[caller] ?? spec])) as Record<Caller, Spec>

// ---------------------------------------------------------------------------------------------
// Requests shared by several rows

const userReq = async (c: Cell, side: Side): Promise<Req> => {
  const person = await c.x.tech(side)
  return { params: { id: person.id }, secrets: person.secrets }
}

const updateUserReq = async (c: Cell, side: Side, body: object, secrets: string[] = []): Promise<Req> => {
  const req = await userReq(c, side)
  const id = req.params?.id ?? ''
  return { ...req, body, ifMatch: await c.w.userVersion(id), secrets: [...(req.secrets ?? []), ...secrets] }
}

const groupReq = (group: GroupRef): Req => ({ params: { id: group.id }, secrets: group.secrets })

const updateGroupReq = async (c: Cell, group: GroupRef): Promise<Req> => ({
  ...groupReq(group),
  body: { description: `Matrix ${c.x.tag}` },
  ifMatch: await c.w.groupVersion(group.id),
})

const replaceSharesReq = async (
  c: Cell,
  user: { id: string; secrets: string[] },
  group: { id: string; secrets: string[] },
): Promise<Req> => ({
  params: { id: user.id },
  body: { shares: [{ groupId: group.id, permission: 'view' }] },
  ifMatch: await c.w.sharesVersion(user.id),
  secrets: [...user.secrets, ...group.secrets],
})

const bulkSharesReq = (
  user: { id: string; secrets: string[] },
  groupIds: string[] | 'all',
  secrets: string[] = [],
): Req => ({
  body: { action: 'share', userIds: [user.id], groupIds, permission: 'view' },
  secrets: [...user.secrets, ...secrets],
})

const groupFilterReq = (c: Cell, side: Side): Req => ({
  endpoint: 'listUsers',
  query: { groupId: c.w.groupOf(side) },
  secrets: [c.w.groupName(side)],
})

/**
 * Groups admit three answers for an admin: their own (success), hidden (404, as if it did not
 * exist) and visible but not governed (a group shared with them: 403).
 */
const groupOutside = (build: (c: Cell, group: GroupRef) => Promise<Req>) => async (c: Cell) => [
  { label: 'hidden', req: await build(c, await c.x.group('out')), expect: NOT_FOUND },
  { label: 'shared', req: await build(c, await c.x.sharedGroup()), expect: FORBIDDEN },
]

/** The import endpoints: an admin reaches the imports they started, the owner every one. */
const importRow = (body?: (c: Cell) => unknown, adminOut: Spec = NOT_FOUND): Row => ({
  // The owner opens the admin's import: organization-wide, they see every import.
  sides: { owner: 'in' },
  request: async (c, side) => {
    const job = await c.x.import(side)
    return { params: { id: job.id }, secrets: job.secrets, ...(body ? { body: body(c) } : {}) }
  },
  cells: { owner: OK, adminIn: OK, adminOut, otherOrg: NOT_FOUND },
})

const chunk = (c: Cell, groupId?: string) => ({
  index: 0,
  rows: [
    {
      line: 2,
      firstName: 'Rowan',
      lastName: `${c.x.Tag}Row`,
      email: `${c.x.tag}.row@example.com`,
      ...(groupId ? { groupId } : {}),
    },
  ],
})

// ---------------------------------------------------------------------------------------------
// The rows: one per endpoint of the contract

const rows: Record<EndpointName, Row> = {
  getMe: {
    request: async () => ({}),
    cells: {
      owner: ok((b, c) => (b.organization?.id === c.w.orgA.id ? [] : ['not organization A'])),
      adminIn: OK,
      adminOut: na('no target: /me answers about the caller'),
      technician: OK,
      otherOrg: ok((b, c) => (b.organization?.id === c.w.orgB.id ? [] : ['not their own organization'])),
    },
  },

  activateOrganization: {
    request: async () => ({ body: { name: 'Matrix team' } }),
    cells: {
      // Allowed, but organization A is active already: nothing is left to activate.
      owner: CONFLICT,
      adminIn: FORBIDDEN,
      // The organization lies beyond any group: an admin is refused all the same.
      adminOut: FORBIDDEN,
      // Acts on their own organization (B, active too), never on A.
      otherOrg: CONFLICT,
    },
  },

  updateOrganization: {
    request: async (c) => ({
      body: { name: `Matrix ${c.x.tag}` },
      ifMatch: await c.w.orgVersion(c.caller === 'otherOrg' ? c.w.orgB.id : c.w.orgA.id),
    }),
    cells: {
      owner: ok((b, c) => (b.id === c.w.orgA.id ? [] : ['not organization A'])),
      adminIn: FORBIDDEN,
      adminOut: FORBIDDEN,
      // There is no way to name organization A: the other owner can only change their own.
      otherOrg: ok(async (b, c) => {
        const a = await c.w.db
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', c.w.orgA.id)
          .executeTakeFirstOrThrow()
        return [
          ...(b.id === c.w.orgB.id ? [] : ['not their own organization']),
          ...(a.name === `Matrix ${c.x.tag}` ? ['organization A was renamed'] : []),
        ]
      }),
    },
  },

  listMailProblems: {
    request: async () => ({}),
    cells: {
      owner: OK,
      adminIn: FORBIDDEN,
      adminOut: na('no target: the list is the caller’s organization’s'),
      // The other owner reads their own organization's list: nothing names organization A.
      otherOrg: ok((b) => (Array.isArray(b.items) ? [] : ['no list'])),
    },
  },

  listUsers: {
    request: async (c) => {
      await Promise.all([c.x.tech('in'), c.x.tech('out')])
      // The other owner lists everything they can see, unfiltered: none of it may be A's.
      const query: Record<string, string> =
        c.caller === 'otherOrg' ? { limit: '200' } : { q: c.x.tag, limit: '200' }
      return { query, paginate: true }
    },
    cells: {
      owner: listing(async (c) => ({
        present: {
          'the technician in gIn': (await c.x.tech('in')).id,
          'the one in gOut': (await c.x.tech('out')).id,
        },
      })),
      adminIn: listing(async (c) => ({ present: { 'the technician in gIn': (await c.x.tech('in')).id } })),
      adminOut: async (c) => [
        {
          label: 'list',
          req: await rows.listUsers.request(c, 'out'),
          expect: listing(async (c) => {
            const outside = await c.x.tech('out')
            return { absent: { 'the technician in gOut': outside.id }, unnamed: outside.secrets }
          }),
        },
        // Filtering by a group outside their scope: as if the group did not exist.
        { label: 'filter', req: groupFilterReq(c, 'out'), expect: NOT_FOUND },
      ],
      otherOrg: async (c) => [
        {
          label: 'list',
          req: await rows.listUsers.request(c, 'in'),
          expect: listing(async (c) => ({
            absent: {
              "A's owner": c.w.ownerA.id,
              "A's admin": c.w.admin.id,
              "A's technician": c.w.tech.id,
              'a technician of A': (await c.x.tech('in')).id,
            },
          })),
        },
        { label: 'filter', req: groupFilterReq(c, 'in'), expect: NOT_FOUND },
      ],
    },
  },

  exportUsers: {
    request: async (c) => {
      await Promise.all([c.x.tech('in'), c.x.tech('out')])
      return { query: { q: c.x.tag } }
    },
    cells: {
      owner: exported(async (c) => ({
        present: [(await c.x.tech('in')).email, (await c.x.tech('out')).email],
      })),
      adminIn: exported(async (c) => ({ present: [(await c.x.tech('in')).email] })),
      adminOut: async (c) => [
        {
          label: 'export',
          req: await rows.exportUsers.request(c, 'out'),
          expect: exported(async (c) => ({ absent: (await c.x.tech('out')).secrets }), true),
        },
        {
          label: 'filter',
          req: { ...groupFilterReq(c, 'out'), endpoint: undefined },
          expect: NOT_FOUND,
        },
      ],
      otherOrg: exported(async (c) => ({ absent: [c.w.ownerA.email, (await c.x.tech('in')).email] }), true),
    },
  },

  countUsers: {
    request: async (c) => {
      await Promise.all([c.x.tech('in'), c.x.tech('out')])
      return { query: { q: c.x.tag } }
    },
    cells: {
      owner: counted(2),
      adminIn: counted(1),
      adminOut: async (c) => [
        // The technician in their group counts, the one in gOut does not.
        { label: 'count', req: await rows.countUsers.request(c, 'out'), expect: counted(1) },
        { label: 'filter', req: { ...groupFilterReq(c, 'out'), endpoint: 'countUsers' }, expect: NOT_FOUND },
      ],
      otherOrg: async (c) => [
        { label: 'count', req: await rows.countUsers.request(c, 'in'), expect: counted(0) },
        { label: 'filter', req: { ...groupFilterReq(c, 'in'), endpoint: 'countUsers' }, expect: NOT_FOUND },
      ],
    },
  },

  createUser: {
    request: async (c, side) => ({
      body: {
        firstName: 'Noah',
        lastName: `${c.x.Tag}New`,
        email: `${c.x.tag}.new@example.com`,
        role: 'technician',
        groupIds: [c.w.groupOf(side)],
        sendInvitation: false,
      },
      secrets: [c.w.groupName(side)],
    }),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: fieldNotFound('groupIds.0'),
      otherOrg: fieldNotFound('groupIds.0'),
    },
  },

  setUserPassword: {
    request: async (c, side) => ({ ...(await userReq(c, side)), body: { password: freshPassword() } }),
    cells: { owner: OK, adminIn: OK, adminOut: NOT_FOUND, otherOrg: NOT_FOUND },
  },

  getUser: {
    request: userReq,
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: NOT_FOUND,
      // Everyone reads themselves; reading someone else needs users:read.
      technician: async (c) => [
        { label: 'self', req: { params: { id: c.w.tech.id } }, expect: OK },
        { label: 'other', req: await userReq(c, 'in'), expect: FORBIDDEN },
      ],
      otherOrg: NOT_FOUND,
    },
  },

  updateUser: {
    request: async (c, side) => updateUserReq(c, side, { jobTitle: 'Matrix' }),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: async (c) => [
        { label: 'user', req: await updateUserReq(c, 'out', { jobTitle: 'Matrix' }), expect: NOT_FOUND },
        // Moving someone of theirs into a group beyond their scope.
        {
          label: 'group',
          req: await updateUserReq(c, 'in', { groupIds: [c.w.groups.gOut] }, [c.w.groupName('out')]),
          expect: fieldNotFound('groupIds.0'),
        },
      ],
      otherOrg: NOT_FOUND,
    },
  },

  deleteUser: {
    request: userReq,
    cells: { owner: OK, adminIn: OK, adminOut: NOT_FOUND, otherOrg: NOT_FOUND },
  },

  bulkUsers: {
    request: async (c, side) => {
      const person = await c.x.tech(side)
      return { body: { action: 'disable', userIds: [person.id] }, secrets: person.secrets }
    },
    cells: { owner: itemOk, adminIn: itemOk, adminOut: itemNotFound, otherOrg: itemNotFound },
  },

  createInvitations: {
    request: async (c, side) => ({
      body: {
        invitations: [
          {
            firstName: 'Iris',
            lastName: `${c.x.Tag}New`,
            email: `${c.x.tag}.new@example.com`,
            role: 'technician',
            groupIds: [c.w.groupOf(side)],
          },
        ],
        sendEmail: false,
      },
      secrets: [c.w.groupName(side)],
    }),
    cells: {
      owner: rowCreated,
      adminIn: rowCreated,
      adminOut: rowFieldNotFound('invitations.0.groupIds.0'),
      otherOrg: rowFieldNotFound('invitations.0.groupIds.0'),
    },
  },

  listInvitations: {
    request: async (c) => {
      await Promise.all([c.x.invitation('in'), c.x.invitation('out')])
      return { query: { limit: '200' }, paginate: true }
    },
    cells: {
      owner: listing(async (c) => ({
        present: {
          'the invitation in gIn': (await c.x.invitation('in')).id,
          'the one in gOut': (await c.x.invitation('out')).id,
        },
      })),
      adminIn: listing(async (c) => ({
        present: { 'the invitation in gIn': (await c.x.invitation('in')).id },
      })),
      adminOut: listing(async (c) => ({
        absent: { 'the invitation in gOut': (await c.x.invitation('out')).id },
      })),
      otherOrg: listing(async (c) => ({
        absent: {
          'an invitation of A': (await c.x.invitation('in')).id,
          another: (await c.x.invitation('out')).id,
        },
      })),
    },
  },

  resendInvitation: {
    request: async (c, side) => {
      const invitation = await c.x.invitation(side)
      return { params: { id: invitation.id }, secrets: invitation.person.secrets }
    },
    cells: { owner: OK, adminIn: OK, adminOut: NOT_FOUND, otherOrg: NOT_FOUND },
  },

  revokeInvitation: {
    request: async (c, side) => {
      const invitation = await c.x.invitation(side)
      return { params: { id: invitation.id }, secrets: invitation.person.secrets }
    },
    cells: { owner: OK, adminIn: OK, adminOut: NOT_FOUND, otherOrg: NOT_FOUND },
  },

  // Public: the link's token is the credential, whoever asks and whatever bearer they send; the
  // admin's "out" cell opens the link of an invitation outside their groups.
  lookupInvitation: {
    request: async (c, side) => ({ query: { token: (await c.x.invitation(side)).token } }),
    cells: everyone(aboutTarget((b) => b.email)),
  },

  // Public, but a valid token of another account is refused without burning the link; an
  // expired token is ignored (the request is anonymous).
  acceptInvitation: {
    request: async (c, side) => ({
      body: {
        token: (await c.x.invitation(side)).token,
        firstName: 'Camille',
        lastName: 'Matrix',
        password: freshPassword(),
        acceptTerms: true,
        acceptConsent: true,
      },
    }),
    cells: everyone(
      async (c) => {
        const side = DEFAULT_SIDE[c.caller]
        const { token } = await c.x.invitation(side)
        return [
          { req: await rows.acceptInvitation.request(c, side), expect: EMAIL_MISMATCH },
          {
            label: 'link kept',
            req: { endpoint: 'lookupInvitation', query: { token }, anonymous: true },
            expect: OK,
          },
        ]
      },
      {
        anonymous: aboutTarget((b) => b.user?.email),
        expired: aboutTarget((b) => b.user?.email),
      },
    ),
  },

  listGroups: {
    request: async (c) => {
      await Promise.all([c.x.group('in'), c.x.group('out')])
      return { query: { limit: '1000' }, paginate: true }
    },
    cells: {
      owner: listing(async (c) => ({
        present: {
          gIn: c.w.groups.gIn,
          gOut: c.w.groups.gOut,
          'a group under gIn': (await c.x.group('in')).id,
          'a group under gOut': (await c.x.group('out')).id,
        },
      })),
      adminIn: listing(async (c) => ({
        present: {
          gIn: c.w.groups.gIn,
          gInChild: c.w.groups.gInChild,
          'a group under gIn': (await c.x.group('in')).id,
        },
      })),
      adminOut: listing(async (c) => ({
        absent: { gOut: c.w.groups.gOut, 'a group under gOut': (await c.x.group('out')).id },
      })),
      // Only the group shared with them (and its subgroups: none), not the ones they belong to.
      technician: ok((b, c) => {
        const got = (b.items ?? []).map((g: { id: string }) => g.id)
        return show(got) === show([c.w.groups.gInChild])
          ? []
          : [`sees ${got.length} group(s), expected gInChild only`]
      }),
      otherOrg: listing(async (c) => ({
        absent: {
          gIn: c.w.groups.gIn,
          gInChild: c.w.groups.gInChild,
          gOut: c.w.groups.gOut,
          'a group of A': (await c.x.group('in')).id,
        },
      })),
    },
  },

  createGroup: {
    request: async (c, side) => ({
      body: { name: `Cell ${c.x.tag} new`, parentId: c.w.groupOf(side) },
      secrets: [c.w.groupName(side)],
    }),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: async (c) => [
        { label: 'hidden', req: await rows.createGroup.request(c, 'out'), expect: notFoundAt('parentId') },
        {
          label: 'shared',
          req: { body: { name: `Cell ${c.x.tag} new`, parentId: (await c.x.sharedGroup()).id } },
          expect: FORBIDDEN,
        },
        // The top level is beyond any admin's groups.
        { label: 'top', req: { body: { name: `Cell ${c.x.tag} new`, parentId: null } }, expect: FORBIDDEN },
      ],
      otherOrg: notFoundAt('parentId'),
    },
  },

  updateGroup: {
    request: async (c, side) => updateGroupReq(c, await c.x.group(side)),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: async (c) => [
        ...(await groupOutside(updateGroupReq)(c)),
        // Moving one of their groups under a group they cannot see.
        {
          label: 'move',
          req: {
            ...(await updateGroupReq(c, await c.x.group('in'))),
            body: { parentId: c.w.groups.gOut },
            secrets: [c.w.groupName('out')],
          },
          expect: notFoundAt('parentId'),
        },
      ],
      otherOrg: NOT_FOUND,
    },
  },

  deleteGroup: {
    request: async (c, side) => groupReq(await c.x.group(side)),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: groupOutside(async (_c, group) => groupReq(group)),
      otherOrg: NOT_FOUND,
    },
  },

  getUserShares: {
    // The person has a group shared on each side of the admin's scope.
    request: async (c, side) => {
      const req = await userReq(c, side)
      const id = req.params?.id ?? ''
      await c.x.share(id, (await c.x.group('in')).id)
      await c.x.share(id, (await c.x.group('out')).id)
      return req
    },
    cells: {
      owner: listing(
        async (c) => ({
          present: {
            'the share in gIn': (await c.x.group('in')).id,
            'the one in gOut': (await c.x.group('out')).id,
          },
        }),
        'groupId',
      ),
      // Someone of theirs, with only the shares within their groups: the other group stays unnamed.
      adminIn: listing(async (c) => {
        const outside = await c.x.group('out')
        return {
          present: { 'the share in gIn': (await c.x.group('in')).id },
          absent: { 'the share in gOut': outside.id },
          unnamed: outside.secrets,
        }
      }, 'groupId'),
      adminOut: NOT_FOUND,
      technician: async (c) => [
        { label: 'self', req: { params: { id: c.w.tech.id } }, expect: OK },
        { label: 'other', req: await userReq(c, 'in'), expect: FORBIDDEN },
      ],
      otherOrg: NOT_FOUND,
    },
  },

  listGroupShares: {
    // The group is shared with a person on each side of the admin's scope.
    request: async (c, side) => {
      const group = await c.x.group(side)
      await c.x.share((await c.x.tech('in')).id, group.id)
      await c.x.share((await c.x.tech('out')).id, group.id)
      return groupReq(group)
    },
    cells: {
      owner: listing(
        async (c) => ({
          present: {
            'the technician in gIn': (await c.x.tech('in')).id,
            'the one in gOut': (await c.x.tech('out')).id,
          },
        }),
        'userId',
      ),
      // One of their groups: the people it is shared with beyond their scope stay unnamed.
      adminIn: listing(async (c) => {
        const outside = await c.x.tech('out')
        return {
          present: { 'the technician in gIn': (await c.x.tech('in')).id },
          absent: { 'the technician in gOut': outside.id },
          unnamed: outside.secrets,
        }
      }, 'userId'),
      adminOut: groupOutside(async (_c, group) => groupReq(group)),
      otherOrg: NOT_FOUND,
    },
  },

  replaceUserShares: {
    request: async (c, side) => replaceSharesReq(c, await c.x.tech(side), await c.x.group(side)),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: async (c) => [
        {
          label: 'user',
          req: await replaceSharesReq(c, await c.x.tech('out'), await c.x.group('in')),
          expect: NOT_FOUND,
        },
        {
          label: 'group',
          req: await replaceSharesReq(c, await c.x.tech('in'), await c.x.group('out')),
          expect: fieldNotFound('shares.0.groupId'),
        },
      ],
      otherOrg: async (c) => [
        {
          label: 'user',
          req: await replaceSharesReq(c, await c.x.tech('in'), { id: c.w.groups.gIn, secrets: [] }),
          expect: NOT_FOUND,
        },
        {
          label: 'group',
          req: await replaceSharesReq(c, { id: c.w.ownerB.id, secrets: [] }, await c.x.group('in')),
          expect: fieldNotFound('shares.0.groupId'),
        },
      ],
    },
  },

  bulkShares: {
    request: async (c, side) => bulkSharesReq(await c.x.tech(side), [(await c.x.group(side)).id]),
    cells: {
      owner: itemOk,
      adminIn: itemOk,
      adminOut: async (c) => [
        {
          label: 'user',
          req: bulkSharesReq(await c.x.tech('out'), [(await c.x.group('in')).id]),
          expect: itemNotFound,
        },
        {
          label: 'group',
          req: bulkSharesReq(
            await c.x.tech('in'),
            [(await c.x.group('out')).id],
            (await c.x.group('out')).secrets,
          ),
          expect: fieldNotFound('groupIds.0'),
        },
      ],
      otherOrg: async (c) => [
        { label: 'user', req: bulkSharesReq(await c.x.tech('in'), 'all'), expect: itemNotFound },
        {
          label: 'group',
          req: bulkSharesReq(
            { id: c.w.ownerB.id, secrets: [] },
            [(await c.x.group('in')).id],
            (await c.x.group('in')).secrets,
          ),
          expect: fieldNotFound('groupIds.0'),
        },
      ],
    },
  },

  listRoles: {
    request: async () => ({}),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: na('no target: the built-in roles are the same for everyone'),
      technician: OK,
      otherOrg: OK,
    },
  },

  createImport: {
    request: async (c, side) => ({
      body: {
        fileName: `${c.x.tag}.csv`,
        format: 'csv',
        totalRows: 3,
        options: { targetGroupId: c.w.groupOf(side), sendInvitations: false },
      },
      secrets: [c.w.groupName(side)],
    }),
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: fieldNotFound('options.targetGroupId'),
      otherOrg: fieldNotFound('options.targetGroupId'),
    },
  },

  addImportChunk: importRow(chunk, async (c) => [
    { label: 'import', req: await rows.addImportChunk.request(c, 'out'), expect: NOT_FOUND },
    // Their own import, with a row that names a group beyond their scope: that row fails.
    {
      label: 'group',
      req: {
        ...(await rows.addImportChunk.request(c, 'in')),
        body: chunk(c, c.w.groups.gOut),
        secrets: [c.w.groupName('out')],
      },
      expect: rowFieldNotFound('groupId'),
    },
  ]),
  completeImport: importRow(),
  getImport: importRow(),
  getImportReport: importRow(),
  cancelImport: importRow(),

  // Access reviews: the owner starts, closes and reminds; administrators read and decide the lines
  // within their groups; another organization's owner cannot name A's review.
  startAccessReview: {
    request: async (c) => {
      await closeOpenReviews(c.w)
      return {}
    },
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, otherOrg: OK },
  },
  getCurrentAccessReview: {
    request: async () => ({}),
    cells: { owner: OK, adminIn: OK, adminOut: OK, otherOrg: OK },
  },
  listAccessReviewItems: {
    request: async (c, side) => {
      const { reviewId, person } = await reviewWithTech(c.w, c.x, side)
      return { params: { id: reviewId }, query: {}, secrets: person.secrets }
    },
    cells: {
      owner: reviewLines('present'),
      adminIn: reviewLines('present'),
      adminOut: reviewLines('absent'),
      otherOrg: NOT_FOUND,
    },
  },
  decideAccessReview: {
    request: async (c, side) => {
      const { reviewId, itemId, person } = await reviewWithTech(c.w, c.x, side)
      return {
        params: { id: reviewId },
        body: { decisions: [{ itemId, decision: 'confirm' }] },
        secrets: person.secrets,
      }
    },
    cells: { owner: itemOk, adminIn: itemOk, adminOut: itemNotFound, otherOrg: NOT_FOUND },
  },
  remindAccessReviewers: {
    request: async (c, side) => ({ params: { id: (await reviewWithTech(c.w, c.x, side)).reviewId } }),
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, otherOrg: NOT_FOUND },
  },
  closeAccessReview: {
    request: async (c, side) => ({ params: { id: (await reviewWithTech(c.w, c.x, side)).reviewId } }),
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, otherOrg: NOT_FOUND },
  },
  exportAccessReview: {
    request: async (c, side) => {
      const { reviewId, person } = await reviewWithTech(c.w, c.x, side)
      return { params: { id: reviewId }, query: {}, secrets: person.secrets }
    },
    cells: {
      owner: reviewFile('present'),
      adminIn: reviewFile('present'),
      adminOut: reviewFile('absent'),
      otherOrg: NOT_FOUND,
    },
  },

  listAudit: {
    request: async (c, side) => {
      await c.x.auditTrail()
      return { query: { targetId: (await c.x.tech(side)).id } }
    },
    cells: {
      owner: eventCount('some'),
      // The owner's change of someone within the admin's groups is theirs to read.
      adminIn: eventCount('some'),
      adminOut: eventCount('none'),
      otherOrg: eventCount('none'),
    },
  },

  // Directory sync is the owner's alone (organization:manage); another owner reaches only theirs.
  getDirectorySync: {
    request: async () => ({}),
    cells: {
      owner: ok((b) => (b?.scimPath === '/scim/v2' ? [] : [`no SCIM path in ${show(b)}`])),
      adminIn: FORBIDDEN,
      adminOut: FORBIDDEN,
      technician: FORBIDDEN,
      otherOrg: OK,
    },
  },

  updateDirectorySyncSettings: {
    request: async () => ({ body: { deprovisioning: 'disable' } }),
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, technician: FORBIDDEN, otherOrg: OK },
  },

  createDirectoryToken: {
    request: async (c) => ({ body: { name: `Matrix ${c.x.tag}` } }),
    cells: {
      owner: ok((b) => (typeof b?.secret === 'string' && b.secret.length > 43 ? [] : ['no secret answered'])),
      adminIn: FORBIDDEN,
      adminOut: FORBIDDEN,
      technician: FORBIDDEN,
      otherOrg: OK,
    },
  },

  revokeDirectoryToken: {
    // A token of organization A: the other owner cannot name it.
    request: async (c) => {
      const id = randomUUID()
      await c.w.db
        .insertInto('directory_tokens')
        .values({
          id,
          org_id: c.w.orgA.id,
          name: `Matrix ${c.x.tag}`,
          prefix: 'usher_scim_',
          token_hash: randomUUID(),
          created_by: null,
          created_at: new Date(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute()
      return { params: { id } }
    },
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, technician: FORBIDDEN, otherOrg: NOT_FOUND },
  },

  listDirectoryRequests: {
    request: async () => ({ query: {} }),
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, technician: FORBIDDEN, otherOrg: OK },
  },

  // The mail pipeline's door opens to its own tokens only: no member's session, owner included.
  receiveInboundEmail: {
    request: async (c) => ({
      body: { from: { address: `writer.${c.x.tag}@client.example`, name: 'A Writer' } },
    }),
    cells: {
      owner: UNAUTHENTICATED,
      adminIn: UNAUTHENTICATED,
      adminOut: UNAUTHENTICATED,
      technician: UNAUTHENTICATED,
      otherOrg: UNAUTHENTICATED,
      expired: UNAUTHENTICATED,
    },
  },

  listInboundEmailTokens: {
    request: async () => ({}),
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, technician: FORBIDDEN, otherOrg: OK },
  },

  createInboundEmailToken: {
    request: async (c) => ({ body: { name: `Matrix mail ${c.x.tag}` } }),
    cells: {
      owner: ok((b) =>
        typeof b?.secret === 'string' && b.secret.startsWith('usher_mail_') ? [] : ['no secret'],
      ),
      adminIn: FORBIDDEN,
      adminOut: FORBIDDEN,
      technician: FORBIDDEN,
      otherOrg: OK,
    },
  },

  revokeInboundEmailToken: {
    // A mail token of organization A: the other owner cannot name it.
    request: async (c) => {
      const id = randomUUID()
      await c.w.db
        .insertInto('directory_tokens')
        .values({
          id,
          org_id: c.w.orgA.id,
          name: `Matrix mail ${c.x.tag}`,
          prefix: 'usher_mail_',
          token_hash: randomUUID(),
          purpose: 'inbound-email',
          created_by: null,
          created_at: new Date(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute()
      return { params: { id } }
    },
    cells: { owner: OK, adminIn: FORBIDDEN, adminOut: FORBIDDEN, technician: FORBIDDEN, otherOrg: NOT_FOUND },
  },

  // The built-in sign-in and reset ignore the Authorization header: every column signs in (or
  // resets) the account the body names.
  login: {
    request: async (c, side) => ({
      body: { email: (await c.x.tech(side)).email, password: TARGET_PASSWORD },
    }),
    cells: everyone(aboutTarget((b) => b.user?.email)),
  },

  requestPasswordReset: {
    request: async (c, side) => ({ body: { email: (await c.x.tech(side)).email } }),
    cells: everyone(OK),
  },

  // Public: the reset link's token is the credential; reading what it is for changes nothing.
  lookupPasswordReset: {
    request: async (c, side) => ({ query: { token: await c.x.resetToken(side) } }),
    cells: everyone(aboutTarget((b) => b.email)),
  },

  confirmPasswordReset: {
    request: async (c, side) => ({ body: { token: await c.x.resetToken(side), password: freshPassword() } }),
    cells: everyone(aboutTarget((b) => b.user?.email)),
  },

  changePassword: {
    request: async (c) => {
      const me = c.me
      const next = freshPassword()
      return {
        body: { currentPassword: (me && c.w.passwords.get(me.id)) ?? START_PASSWORD, newPassword: next },
        onSuccess: () => {
          if (me) c.w.passwords.set(me.id, next)
        },
      }
    },
    cells: {
      owner: OK,
      adminIn: OK,
      adminOut: na('no target: one changes one’s own password'),
      technician: OK,
      otherOrg: OK,
    },
  },

  // The caller's own account: every caller sees their own organization, and only theirs.
  listMemberships: {
    request: async () => ({}),
    cells: {
      owner: ok((b, c) =>
        show(b).includes(c.w.orgA.id) && !show(b).includes(c.w.orgB.id) ? [] : ['not A only'],
      ),
      adminIn: OK,
      adminOut: na('no target: the caller’s own account'),
      technician: OK,
      otherOrg: ok((b, c) =>
        show(b).includes(c.w.orgB.id) && !show(b).includes(c.w.orgA.id) ? [] : ['not B only'],
      ),
    },
  },

  // Opening organization B: only an account that belongs to it may; for the others B is unknown.
  switchOrganization: {
    request: async (c) => ({ body: { organization: c.w.orgB.slug } }),
    cells: {
      owner: NOT_FOUND,
      adminIn: NOT_FOUND,
      adminOut: na('no target: the caller’s own account'),
      technician: NOT_FOUND,
      otherOrg: OK,
    },
  },
}

// ---------------------------------------------------------------------------------------------
// The run

let t: TestServer
let w: MatrixWorld
const table = new Map<EndpointName, Partial<Record<Caller, string>>>()
const gapsMet = new Set<string>()
const startedAt = Date.now()

beforeAll(async () => {
  // Every request comes from 127.0.0.1: the per-address limits would trip long before the end.
  t = await startTestServer({ limits: { publicPerMinute: 100_000, loginAttempts: 100_000 } })
  w = await createMatrixWorld(t)
})

afterAll(async () => {
  printTable()
  await t?.close()
})

function specFor(name: EndpointName, row: Row, caller: Caller): Spec {
  const own = row.cells[caller]
  if (own) return own
  const { auth } = endpoints[name]
  if (auth !== 'public') {
    if (caller === 'anonymous') return UNAUTHENTICATED
    if (caller === 'expired') return TOKEN_EXPIRED
    if (caller === 'technician' && auth !== 'authenticated') return FORBIDDEN
  }
  throw new Error(`${name}: the row says nothing for ${COLUMN[caller]}`)
}

function callerAccount(caller: Caller): Member | null {
  switch (caller) {
    case 'owner':
    case 'expired':
      return w.ownerA
    case 'adminIn':
    case 'adminOut':
      return w.admin
    case 'technician':
      return w.tech
    case 'otherOrg':
      return w.ownerB
    case 'anonymous':
      return null
  }
}

async function tokenOf(c: Cell): Promise<string | null> {
  if (c.caller === 'expired') return w.expiredToken()
  return c.me ? w.token(c.me) : null
}

async function send(c: Cell, name: EndpointName, req: Req): Promise<Answer> {
  const endpoint: EndpointDefinition = endpoints[name]
  const headers: Record<string, string> = {}
  // Every idempotent create gets its own key, so no cell replays another's answer.
  if (endpoint.idempotent) headers['Idempotency-Key'] = `matrix-${randomUUID()}`
  if (req.ifMatch !== undefined) headers['If-Match'] = `"${req.ifMatch}"`
  const token = req.anonymous ? null : await tokenOf(c)
  const path = buildPath(endpoint.path, req.params ?? {})
  const url = (query: Record<string, string>) => {
    const search = new URLSearchParams(query).toString()
    return search ? `${path}?${search}` : path
  }
  const answer = await w.call(endpoint.method, url(req.query ?? {}), { token, body: req.body, headers })
  if (req.paginate && answer.status === 200) {
    const items = [...(answer.body.items ?? [])]
    let cursor = answer.body.nextCursor
    while (cursor) {
      const next = await w.call(endpoint.method, url({ ...req.query, cursor }), { token })
      if (next.status !== 200) return next
      items.push(...next.body.items)
      cursor = next.body.nextCursor
    }
    answer.body = { items, nextCursor: null }
  }
  return answer
}

async function judge(c: Cell, name: EndpointName, probe: Probe, answer: Answer): Promise<Problems> {
  const endpoint: EndpointDefinition = endpoints[probe.req.endpoint ?? name]
  const { expect: wanted } = probe
  const expected = wanted.status === 'success' ? endpoint.success.status : wanted.status
  const problems: Problems = []
  if (answer.status !== expected) {
    problems.push(`status ${answer.status}, expected ${expected}`)
  } else {
    if (wanted.code && answer.body?.code !== wanted.code) {
      problems.push(`code ${answer.body?.code}, expected ${wanted.code}`)
    }
    if (wanted.field) {
      const { path, code } = wanted.field
      const errors: { path: string; code: string }[] = answer.body?.errors ?? []
      if (!errors.some((e) => e.path === path && e.code === code)) {
        problems.push(`no field error ${path} ${code}: ${show(errors)}`)
      }
    }
    const schema = endpoint.success.schema
    if (expected < 300 && schema) {
      const parsed = schema.safeParse(answer.body)
      if (!parsed.success)
        problems.push(`the answer breaks the contract: ${parsed.error.message.slice(0, 200)}`)
    }
    if (wanted.check) problems.push(...(await wanted.check(answer.body, c)))
  }
  const refusal = wanted.hides || (wanted.status !== 'success' && wanted.status >= 400)
  if (refusal) {
    for (const secret of probe.req.secrets ?? []) {
      if (answer.text.includes(secret)) problems.push(`the answer names "${secret}"`)
    }
  }
  if (problems.length) problems.push(`answer: ${answer.status} ${answer.text.slice(0, 300)}`)
  return problems
}

/** What the table shows of an answer: the status, and a batch's first item. */
function outcome(answer: Answer): string {
  const item = firstItem(typeof answer.body === 'object' ? answer.body : null)
  if (!item) return String(answer.status)
  if (item.ok === true || item.status === 'created') return `${answer.status}:ok`
  return `${answer.status}:${item.error?.code ?? '?'}`
}

const gapNote = (key: string) => KNOWN_GAPS.find((g) => g.cell === key)?.note

describe('authorization matrix: every endpoint × every kind of caller', () => {
  it('has one row per endpoint of the contract, and no other', () => {
    expect(Object.keys(rows).sort()).toEqual(Object.keys(endpoints).sort())
  })

  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const endpoint = endpoints[name]
    it(`${name}: ${endpoint.method} ${endpoint.path} (${endpoint.auth})`, async ({ annotate }) => {
      const row = (rows as Partial<Record<EndpointName, Row>>)[name]
      expect(row, `${name} has no row in the matrix`).toBeDefined()
      if (!row) return
      const shown: Partial<Record<Caller, string>> = {}
      table.set(name, shown)
      for (const caller of CALLERS) {
        const spec = specFor(name, row, caller)
        if ('na' in spec) {
          shown[caller] = 'n/a'
          await annotate(`${COLUMN[caller]}: n/a (${spec.na})`)
          continue
        }
        const c: Cell = { caller, w, x: w.targets(), me: callerAccount(caller) }
        const side = row.sides?.[caller] ?? DEFAULT_SIDE[caller]
        const probes: Probe[] =
          typeof spec === 'function' ? await spec(c) : [{ req: await row.request(c, side), expect: spec }]
        const cells: string[] = []
        for (const probe of probes) {
          const answer = await send(c, probe.req.endpoint ?? name, probe.req)
          if (answer.status < 300) probe.req.onSuccess?.()
          const problems = await judge(c, name, probe, answer)
          const key = `${name} × ${caller}${probe.label ? ` (${probe.label})` : ''}`
          const gap = gapNote(key)
          let mark = problems.length ? ' ✗' : ''
          if (gap !== undefined) {
            gapsMet.add(key)
            mark = ' !'
            await annotate(`known gap ${key}: ${gap}`)
            expect
              .soft(problems, `${key} is listed in KNOWN_GAPS but now follows the rule: update the list`)
              .not.toEqual([])
          } else {
            expect.soft(problems, key).toEqual([])
          }
          cells.push(`${probe.label ? `${probe.label} ` : ''}${outcome(answer)}${mark}`)
        }
        shown[caller] = cells.join(' / ')
      }
    })
  }

  it('lists no known gap that the run did not meet', () => {
    expect(KNOWN_GAPS.map((g) => g.cell).filter((cell) => !gapsMet.has(cell))).toEqual([])
  })
})

function printTable() {
  const header = ['endpoint', ...CALLERS.map((caller) => COLUMN[caller])]
  const lines = (Object.keys(endpoints) as EndpointName[]).map((name) => [
    name,
    ...CALLERS.map((caller) => table.get(name)?.[caller] ?? '-'),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')
  console.log(
    [
      `Authorization matrix (${((Date.now() - startedAt) / 1000).toFixed(1)} s; ✗ against the rule, ! known gap)`,
      format(header),
      widths.map((n) => '-'.repeat(n)).join('-|-'),
      ...lines.map(format),
    ].join('\n'),
  )
}
