import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { FIXTURE_NOW, makeGroups, makeMe, makeOrganization, makeUsers } from '../../fixtures/src/index'
import {
  AcceptInvitationSchema,
  BULK_USER_ACTION_PERMISSIONS,
  BULK_USERS_MAX,
  BulkSharesRequestSchema,
  BulkUsersRequestSchema,
  CreateInvitationsSchema,
  CreateUserSchema,
  createInvitationsSchema,
  createProblem,
  DEFAULT_ORGANIZATION_SETTINGS,
  ERROR_CODES,
  errorCodes,
  type FieldError,
  FieldErrorCodeSchema,
  GroupSchema,
  ImportRowSchema,
  INVITATIONS_PER_REQUEST_MAX,
  InvitationRowSchema,
  importRowSchema,
  invitationRowSchema,
  ListUsersQuerySchema,
  MeSchema,
  OrganizationSchema,
  OrganizationSettingsSchema,
  PersonEmailSchema,
  PersonNameSchema,
  PhoneSchema,
  ProblemSchema,
  problemType,
  ReplaceSharesSchema,
  requestValidationProblem,
  SetUserPasswordSchema,
  selfLockedChanges,
  toFieldErrors,
  UpdateOrganizationSchema,
  UpdateUserSchema,
  UserSchema,
} from '../src/index'

const ID = [
  '0b8f3c52-3f2e-4d7a-9c1e-5a6b7c8d9e01',
  '0b8f3c52-3f2e-4d7a-9c1e-5a6b7c8d9e02',
  '0b8f3c52-3f2e-4d7a-9c1e-5a6b7c8d9e03',
] as const
const TOKEN = 'A'.repeat(20) + '-_'.repeat(4) + 'z'.repeat(15)

/** Parses `input` and answers the field errors the API would send, or [] when it passes. */
function errorsOf(schema: z.ZodType, input: unknown): FieldError[] {
  const result = schema.safeParse(input)
  return result.success ? [] : toFieldErrors(result.error.issues, [], { input })
}

/** The `path → code` pairs of the errors, the part a form maps to a field and a message. */
function codesOf(schema: z.ZodType, input: unknown): Record<string, string> {
  return Object.fromEntries(errorsOf(schema, input).map((e) => [e.path, e.code]))
}

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new Error(JSON.stringify(toFieldErrors(result.error.issues)))
  return result.data
}

const row = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Jean',
  lastName: 'Dupont',
  email: 'jean.dupont@acme.fr',
  role: 'technician',
  ...overrides,
})

describe('given an invitation of several people (seeds 000, 001)', () => {
  it('accepts a minimal row and fills the defaults', () => {
    const body = parsed(CreateInvitationsSchema, {
      invitations: [{ firstName: 'Zoë', email: 'zoe@acme.fr', role: 'technician' }],
    })
    expect(body.invitations[0]).toEqual({
      firstName: 'Zoë',
      lastName: '',
      email: 'zoe@acme.fr',
      role: 'technician',
      groupIds: [],
      contactFor: [],
    })
    expect(body.sendEmail).toBe(true)
  })

  it('accepts the full row of the seeds: salutation, optional phone, groups, contact-for tags', () => {
    const body = parsed(CreateInvitationsSchema, {
      invitations: [
        row({
          salutation: 'ms',
          firstName: 'Hélène',
          lastName: "d'Almeida",
          phone: '+33 6 12 34 56 78',
          groupIds: [ID[0]],
          contactFor: ['maintenance'],
          locale: 'fr',
        }),
      ],
      message: '  Bienvenue !  ',
    })
    expect(body.invitations[0]?.lastName).toBe("d'Almeida")
    expect(body.message).toBe('Bienvenue !')
  })

  it('puts each error on its own row and field', () => {
    expect(
      codesOf(CreateInvitationsSchema, {
        invitations: [
          row(),
          row({ email: 'not-an-address', firstName: '' }),
          row({ email: 'paul@acme.fr', phone: 'call me', role: 'Admin!' }),
        ],
      }),
    ).toEqual({
      'invitations.1.email': 'invalid_email',
      'invitations.1.firstName': 'required',
      'invitations.2.phone': 'invalid_phone',
      'invitations.2.role': 'invalid_format',
    })
  })

  it('says which fields of a row are missing', () => {
    expect(codesOf(CreateInvitationsSchema, { invitations: [{}] })).toEqual({
      'invitations.0.firstName': 'required',
      'invitations.0.email': 'required',
      'invitations.0.role': 'required',
    })
  })

  it('flags a repeated address on the later row, even while another row is invalid', () => {
    const errors = errorsOf(CreateInvitationsSchema, {
      invitations: [
        row({ email: 'Jean.Dupont@acme.fr' }),
        row({ email: 'marie@acme.fr', firstName: '<b>Marie</b>' }),
        { email: 'paul@acme.fr', role: 'technician', groupIds: 'all' },
        row({ email: ' jean.dupont@ACME.fr ' }),
      ],
    })
    expect(errors).toContainEqual(expect.objectContaining({ path: 'invitations.3.email', code: 'duplicate' }))
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'invitations.1.firstName', code: 'invalid_name' }),
    )
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'invitations.2.firstName', code: 'required' }),
    )
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'invitations.2.groupIds', code: 'invalid_type' }),
    )
    // The first row holding the address is fine; only the repeat is flagged.
    expect(errors.filter((e) => e.path.startsWith('invitations.0'))).toEqual([])
    expect(errors.find((e) => e.code === 'duplicate')?.message).toMatch(/1/)
  })

  it('refuses a shared department mailbox (seed 001) with the default list', () => {
    expect(
      codesOf(createInvitationsSchema(), {
        invitations: [row(), row({ email: 'maintenance@acme.fr' }), row({ email: 'No.Reply@acme.fr' })],
      }),
    ).toEqual({
      'invitations.1.email': 'shared_mailbox_refused',
      'invitations.2.email': 'shared_mailbox_refused',
    })
  })

  it("uses the organization's own mailbox list instead of the default one", () => {
    const schema = createInvitationsSchema(['compta'])
    expect(codesOf(schema, { invitations: [row({ email: 'compta@acme.fr' })] })).toEqual({
      'invitations.0.email': 'shared_mailbox_refused',
    })
    expect(codesOf(schema, { invitations: [row({ email: 'support@acme.fr' })] })).toEqual({})
    expect(codesOf(invitationRowSchema(['compta']), row({ email: 'Compta+2026@acme.fr' }))).toEqual({
      email: 'shared_mailbox_refused',
    })
  })

  it('refuses unknown fields on their own path instead of storing them (no mass assignment)', () => {
    expect(
      codesOf(CreateInvitationsSchema, {
        invitations: [row({ status: 'active', organizationId: ID[0] })],
        invitedBy: ID[1],
      }),
    ).toEqual({
      'invitations.0.status': 'unknown_field',
      'invitations.0.organizationId': 'unknown_field',
      invitedBy: 'unknown_field',
    })
  })

  it('refuses an empty invitation and more rows than one request may carry', () => {
    expect(codesOf(CreateInvitationsSchema, { invitations: [] })).toEqual({ invitations: 'too_few' })
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row({ email: `person${i}@acme.fr` }))
    expect(codesOf(CreateInvitationsSchema, { invitations: rows(INVITATIONS_PER_REQUEST_MAX) })).toEqual({})
    expect(codesOf(CreateInvitationsSchema, { invitations: rows(INVITATIONS_PER_REQUEST_MAX + 1) })).toEqual({
      invitations: 'too_many',
    })
    expect(INVITATIONS_PER_REQUEST_MAX).toBe(1000)
  })

  it('hands the server normalised emails and names', () => {
    const body = parsed(CreateInvitationsSchema, {
      invitations: [
        row({ email: '  Jean.DUPONT@Acme.FR ', firstName: '  Jean   Éric ', lastName: ' Dupont ' }),
      ],
    })
    expect(body.invitations[0]?.email).toBe('jean.dupont@acme.fr')
    expect(body.invitations[0]?.firstName).toBe('Jean Éric')
    expect(body.invitations[0]?.lastName).toBe('Dupont')
  })
})

describe('given a user update (PATCH /users/:id)', () => {
  it('accepts a partial patch', () => {
    expect(parsed(UpdateUserSchema, { role: 'admin' })).toEqual({ role: 'admin' })
    expect(parsed(UpdateUserSchema, { enabled: false, mustChangePassword: true })).toEqual({
      enabled: false,
      mustChangePassword: true,
    })
  })

  it('refuses an empty patch', () => {
    expect(errorsOf(UpdateUserSchema, {})).toHaveLength(1)
  })

  it('does not let the email change: it is the login and the invitation address', () => {
    expect(codesOf(UpdateUserSchema, { firstName: 'Jean', email: 'other@acme.fr' })).toEqual({
      email: 'unknown_field',
    })
  })

  it('refuses fields that are not the editable profile', () => {
    expect(codesOf(UpdateUserSchema, { status: 'active', version: 9, firstName: 'Jean' })).toEqual({
      status: 'unknown_field',
      version: 'unknown_field',
    })
  })

  it('clears optional text fields given as empty strings', () => {
    expect(parsed(UpdateUserSchema, { nickname: '', jobTitle: '  ', description: null })).toEqual({
      nickname: null,
      jobTitle: null,
      description: null,
    })
  })

  it('checks names and phones like the invitation does', () => {
    expect(codesOf(UpdateUserSchema, { firstName: 'www.evil.example', mobile: '12' })).toEqual({
      firstName: 'invalid_name',
      mobile: 'invalid_phone',
    })
    expect(parsed(UpdateUserSchema, { lastName: '' })).toEqual({ lastName: '' })
  })

  it('tells a value of the wrong type from a missing one', () => {
    expect(codesOf(UpdateUserSchema, { enabled: 'yes', firstName: 42 })).toEqual({
      enabled: 'invalid_type',
      firstName: 'invalid_type',
    })
  })
})

describe('given the users list query string', () => {
  it('coerces numbers and applies the defaults', () => {
    expect(parsed(ListUsersQuerySchema, { limit: '25' })).toEqual({ limit: 25, sort: 'name' })
    expect(parsed(ListUsersQuerySchema, {})).toEqual({ limit: 50, sort: 'name' })
  })

  it('reads a list given comma-separated or repeated', () => {
    expect(parsed(ListUsersQuerySchema, { status: 'invited,expired' }).status).toEqual(['invited', 'expired'])
    expect(parsed(ListUsersQuerySchema, { status: ['invited', 'expired'] }).status).toEqual([
      'invited',
      'expired',
    ])
    expect(parsed(ListUsersQuerySchema, { role: ['admin', 'technician,owner'] }).role).toEqual([
      'admin',
      'technician',
      'owner',
    ])
    expect(parsed(ListUsersQuerySchema, { status: '' }).status).toBeUndefined()
  })

  it('refuses an unknown status, sort or parameter', () => {
    expect(codesOf(ListUsersQuerySchema, { status: 'invited,gone', sort: 'password', page: '2' })).toEqual({
      'status.1': 'invalid_value',
      sort: 'invalid_value',
      page: 'unknown_field',
    })
  })

  it('accepts every documented sort, descending with a leading minus', () => {
    for (const sort of ['name', '-name', 'email', '-createdAt', 'lastActiveAt']) {
      expect(parsed(ListUsersQuerySchema, { sort }).sort).toBe(sort)
    }
  })

  it('caps the page size at 200 and refuses nonsense', () => {
    expect(parsed(ListUsersQuerySchema, { limit: '200' }).limit).toBe(200)
    expect(codesOf(ListUsersQuerySchema, { limit: '201' })).toEqual({ limit: 'too_big' })
    expect(codesOf(ListUsersQuerySchema, { limit: '0' })).toEqual({ limit: 'too_small' })
    expect(codesOf(ListUsersQuerySchema, { limit: 'ten' })).toEqual({ limit: 'invalid_type' })
  })
})

describe('given an invitee accepting (seed 000)', () => {
  const accept = (overrides: Record<string, unknown> = {}) => ({
    token: TOKEN,
    firstName: 'Jean',
    lastName: 'Dupont',
    password: 'correct horse battery staple',
    acceptTerms: true,
    acceptConsent: true,
    ...overrides,
  })

  it('accepts a name, a password and both consents', () => {
    expect(parsed(AcceptInvitationSchema, accept({ firstName: ' Jean-Éric ' })).firstName).toBe('Jean-Éric')
    expect(parsed(AcceptInvitationSchema, accept({ lastName: '' })).lastName).toBe('')
  })

  it('refuses until the terms and the consent statement are accepted', () => {
    expect(codesOf(AcceptInvitationSchema, accept({ acceptTerms: false, acceptConsent: false }))).toEqual({
      acceptTerms: 'not_accepted',
      acceptConsent: 'not_accepted',
    })
    expect(codesOf(AcceptInvitationSchema, accept({ acceptConsent: undefined }))).toEqual({
      acceptConsent: 'required',
    })
  })

  it('refuses a malformed token and an empty password', () => {
    expect(codesOf(AcceptInvitationSchema, accept({ token: 'abc', password: '' }))).toEqual({
      token: 'invalid_format',
      password: 'required',
    })
  })
})

describe('given a user\'s shared groups (seed 000\'s "Shared groups")', () => {
  it('replaces the set with one permission per group', () => {
    expect(
      parsed(ReplaceSharesSchema, {
        shares: [
          { groupId: ID[0], permission: 'view' },
          { groupId: ID[1], permission: 'manage' },
        ],
      }).shares,
    ).toHaveLength(2)
    expect(parsed(ReplaceSharesSchema, { shares: [] }).shares).toEqual([])
  })

  it('refuses a group listed twice', () => {
    expect(
      codesOf(ReplaceSharesSchema, {
        shares: [
          { groupId: ID[0], permission: 'view' },
          { groupId: ID[1], permission: 'view' },
          { groupId: ID[0], permission: 'manage' },
        ],
      }),
    ).toEqual({ 'shares.2.groupId': 'duplicate' })
  })

  it('refuses an unknown permission', () => {
    expect(codesOf(ReplaceSharesSchema, { shares: [{ groupId: ID[0], permission: 'owner' }] })).toEqual({
      'shares.0.permission': 'invalid_value',
    })
  })
})

describe('given sharing many groups with many users (seed 002)', () => {
  it('shares all groups in one action', () => {
    expect(
      parsed(BulkSharesRequestSchema, {
        action: 'share',
        userIds: [ID[0]],
        groupIds: 'all',
        permission: 'view',
      }),
    ).toMatchObject({ groupIds: 'all' })
  })

  it('removes all previous shares without a permission', () => {
    expect(
      parsed(BulkSharesRequestSchema, { action: 'unshare', userIds: [ID[0], ID[1]], groupIds: 'all' }),
    ).toEqual({
      action: 'unshare',
      userIds: [ID[0], ID[1]],
      groupIds: 'all',
    })
  })

  it('removes only the shares of one permission type when one is named', () => {
    expect(
      parsed(BulkSharesRequestSchema, {
        action: 'unshare',
        userIds: [ID[0]],
        groupIds: 'all',
        permission: 'manage',
      }),
    ).toMatchObject({ permission: 'manage' })
  })

  it('needs a permission type to share', () => {
    expect(
      codesOf(BulkSharesRequestSchema, { action: 'share', userIds: [ID[0]], groupIds: [ID[1]] }),
    ).toEqual({
      permission: 'required',
    })
  })

  it('refuses an empty selection and a group list that is neither ids nor "all"', () => {
    expect(codesOf(BulkSharesRequestSchema, { action: 'unshare', userIds: [], groupIds: 'all' })).toEqual({
      userIds: 'too_few',
    })
    expect(
      codesOf(BulkSharesRequestSchema, { action: 'unshare', userIds: [ID[0]], groupIds: 'some' }),
    ).toEqual({
      groupIds: 'invalid_value',
    })
  })

  it('refuses an unknown action', () => {
    expect(codesOf(BulkSharesRequestSchema, { action: 'copy', userIds: [ID[0]], groupIds: 'all' })).toEqual({
      action: 'invalid_value',
    })
  })
})

describe('given one action on many users', () => {
  it('needs the new role to change roles', () => {
    expect(codesOf(BulkUsersRequestSchema, { action: 'changeRole', userIds: [ID[0]] })).toEqual({
      role: 'required',
    })
    expect(
      parsed(BulkUsersRequestSchema, { action: 'changeRole', role: 'admin', userIds: [ID[0]] }),
    ).toMatchObject({ role: 'admin' })
  })

  it('takes no role for the other actions', () => {
    expect(codesOf(BulkUsersRequestSchema, { action: 'disable', role: 'admin', userIds: [ID[0]] })).toEqual({
      role: 'unknown_field',
    })
  })

  it(`accepts up to ${BULK_USERS_MAX} users and refuses more`, () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `0b8f3c52-3f2e-4d7a-9c1e-${String(i).padStart(12, '0')}`)
    expect(codesOf(BulkUsersRequestSchema, { action: 'delete', userIds: ids(BULK_USERS_MAX) })).toEqual({})
    expect(codesOf(BulkUsersRequestSchema, { action: 'delete', userIds: ids(BULK_USERS_MAX + 1) })).toEqual({
      userIds: 'too_many',
    })
    expect(BULK_USERS_MAX).toBe(500)
  })

  it('refuses ids that could break out of a path segment, and accepts a host’s own id format', () => {
    expect(
      codesOf(BulkUsersRequestSchema, { action: 'enable', userIds: [ID[0], '../admin', 'a b', ''] }),
    ).toEqual({
      'userIds.1': 'invalid_format',
      'userIds.2': 'invalid_format',
      'userIds.3': 'invalid_format',
    })
    expect(codesOf(BulkUsersRequestSchema, { action: 'enable', userIds: ['42', 'user_2abc'] })).toEqual({})
  })
})

describe('given a row of an import file (seed 003)', () => {
  it("keeps the file's line number so the summary points at the spreadsheet line", () => {
    expect(parsed(ImportRowSchema, { line: 42, firstName: 'Jean', email: 'Jean@Acme.fr' })).toEqual({
      line: 42,
      firstName: 'Jean',
      lastName: '',
      email: 'jean@acme.fr',
    })
  })

  it('takes an optional initial password, but not an empty one', () => {
    expect(
      parsed(ImportRowSchema, { line: 2, firstName: 'Jean', email: 'j@acme.fr', password: 'x' }),
    ).toHaveProperty('password', 'x')
    expect(
      codesOf(ImportRowSchema, { line: 2, firstName: 'Jean', email: 'j@acme.fr', password: '' }),
    ).toEqual({
      password: 'required',
    })
  })

  it('refuses a row without line, name or email, and a shared mailbox', () => {
    expect(codesOf(importRowSchema(), { line: 0, email: 'support@acme.fr' })).toEqual({
      line: 'too_small',
      firstName: 'required',
      email: 'shared_mailbox_refused',
    })
  })

  it('takes a group per row (technician group id) and the seed 004 fields', () => {
    expect(
      parsed(ImportRowSchema, {
        line: 3,
        firstName: 'Amy',
        lastName: "O'Connor",
        email: 'amy@acme.co.uk',
        groupId: ID[0],
        mobile: '07700 900123',
        jobTitle: 'Facilities manager',
        department: 'Operations',
        enabled: true,
      }),
    ).toMatchObject({ groupId: ID[0], mobile: '07700 900123' })
  })
})

describe('given a problem answer (RFC 9457)', () => {
  it('round-trips createProblem output and keeps extension members', () => {
    const problem = createProblem('seat_limit_reached', {
      detail: '25 of 25 seats are taken.',
      requestId: 'req_1',
      seatsAllowed: 25,
    })
    const json = JSON.parse(JSON.stringify(problem))
    const back = parsed(ProblemSchema, json)
    expect(back).toEqual(problem)
    expect(back).toMatchObject({
      type: problemType('seat_limit_reached'),
      status: 409,
      code: 'seat_limit_reached',
      seatsAllowed: 25,
    })
  })

  it('builds a 422 whose field errors parse back', () => {
    const input = { invitations: [row({ email: 'support@acme.fr' }), {}] }
    const result = createInvitationsSchema().safeParse(input)
    expect(result.success).toBe(false)
    if (result.success) return
    const problem = parsed(
      ProblemSchema,
      requestValidationProblem('body', result.error, input, { requestId: 'r' }),
    )
    expect(problem.status).toBe(422)
    expect(problem.code).toBe('validation_failed')
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ path: 'invitations.0.email', code: 'shared_mailbox_refused' }),
    )
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ path: 'invitations.1.email', code: 'required' }),
    )
  })

  it('tells missing from wrong fields even without the input at hand', () => {
    const result = UpdateUserSchema.safeParse({ enabled: 'yes' })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(toFieldErrors(result.error.issues)).toEqual([
      expect.objectContaining({ path: 'enabled', code: 'invalid_type' }),
    ])
    const missing = AcceptInvitationSchema.safeParse({})
    expect(missing.success).toBe(false)
    if (missing.success) return
    expect(toFieldErrors(missing.error.issues, ['body'])).toContainEqual(
      expect.objectContaining({ path: 'body.token', code: 'required', message: 'Required.' }),
    )
  })

  it('refuses a problem with an unknown code or a non-error status', () => {
    expect(ProblemSchema.safeParse({ ...createProblem('not_found'), code: 'oops' }).success).toBe(false)
    expect(ProblemSchema.safeParse({ ...createProblem('not_found'), status: 200 }).success).toBe(false)
  })

  it('gives every error code an error status and a title', () => {
    for (const code of errorCodes) {
      const { status, title } = ERROR_CODES[code]
      expect(status, code).toBeGreaterThanOrEqual(400)
      expect(status, code).toBeLessThanOrEqual(599)
      expect(title.trim(), code).not.toBe('')
      expect(createProblem(code).status).toBe(status)
    }
  })

  it('gives every error code its own problem type', () => {
    expect(new Set(errorCodes.map(problemType)).size).toBe(errorCodes.length)
  })

  it('only ever produces field error codes the forms know', () => {
    const inputs: Array<[z.ZodType, unknown]> = [
      [
        CreateInvitationsSchema,
        { invitations: [{ a: 1 }, row({ phone: 'x', groupIds: ['no'] })], sendEmail: 1 },
      ],
      [UpdateUserSchema, { salutation: 'sir', contactFor: ['Bad Tag'], groupIds: 'x' }],
      [ListUsersQuerySchema, { limit: '-1', sort: 1, q: 'x'.repeat(101) }],
    ]
    for (const [schema, input] of inputs) {
      for (const error of errorsOf(schema, input)) {
        expect(FieldErrorCodeSchema.safeParse(error.code).success, error.code).toBe(true)
      }
    }
  })
})

describe('given the fixtures shared by tests, stories and benchmarks', () => {
  const groups = makeGroups()
  const users = makeUsers(500, { groupIds: groups.map((g) => g.id) })

  it('describes a plausible organization: seats used within the plan', () => {
    const me = makeMe(users)
    expect(me.seats.allowed).not.toBeNull()
    expect(me.seats.used).toBeLessThanOrEqual(me.seats.allowed ?? 0)
    expect(me.organization.settings.seats).toBe(me.seats.allowed)
  })

  it('parses 500 users with the User schema', () => {
    for (const user of users) expect(UserSchema.safeParse(user).error, user.email).toBeUndefined()
  })

  it('has names, emails and phones that the input schemas accept', () => {
    for (const user of users) {
      expect(PersonNameSchema.safeParse(user.firstName).success, user.firstName).toBe(true)
      expect(PersonNameSchema.safeParse(user.lastName).success, user.lastName).toBe(true)
      expect(PersonEmailSchema.safeParse(user.email).data).toBe(user.email)
      if (user.phone) expect(PhoneSchema.safeParse(user.phone).success, user.phone).toBe(true)
    }
  })

  it('parses the nested groups', () => {
    for (const group of groups) expect(GroupSchema.safeParse(group).error, group.name).toBeUndefined()
    expect(groups.some((g) => g.parentId !== null)).toBe(true)
  })

  it('parses the /me answer and the organization', () => {
    expect(MeSchema.safeParse(makeMe(users)).error).toBeUndefined()
    expect(MeSchema.safeParse(makeMe(users, users[3])).error).toBeUndefined()
    expect(OrganizationSchema.safeParse(makeOrganization()).error).toBeUndefined()
  })

  it('gives invited and expired users an expiry on the right side of now', () => {
    for (const user of users) {
      if (user.status !== 'invited' && user.status !== 'expired') continue
      const expires = new Date(user.invitationExpiresAt ?? 0).getTime()
      if (user.status === 'invited') expect(expires).toBeGreaterThan(FIXTURE_NOW.getTime())
      else expect(expires).toBeLessThanOrEqual(FIXTURE_NOW.getTime())
    }
  })
})

describe('given a request part that fails validation', () => {
  it('keeps body paths at the root and prefixes query and path errors with their part', () => {
    const body = { invitations: [row({ email: 'maintenance@acme.fr' })] }
    const bodyError = createInvitationsSchema().safeParse(body).error
    const queryError = ListUsersQuerySchema.safeParse({ limit: '500' }).error
    if (!bodyError || !queryError) throw new Error('both should fail')
    expect(requestValidationProblem('body', bodyError, body)).toMatchObject({
      status: 422,
      code: 'validation_failed',
      errors: [{ path: 'invitations.0.email', code: 'shared_mailbox_refused' }],
    })
    expect(requestValidationProblem('query', queryError, { limit: '500' }).errors).toEqual([
      expect.objectContaining({ path: 'query.limit', code: 'too_big' }),
    ])
  })
})

describe('given a phone field emptied in an edit form', () => {
  it('clears the number like the other text fields', () => {
    expect(parsed(UpdateUserSchema, { phone: '', mobile: '' })).toEqual({ phone: null, mobile: null })
    expect(codesOf(UpdateUserSchema, { phone: 'call me' })).toEqual({ phone: 'invalid_phone' })
  })
})

describe('given an owner changing one organization setting (PATCH /organization)', () => {
  it('parses to exactly what was sent: nothing unsent is reset to a default', () => {
    expect(parsed(UpdateOrganizationSchema, { settings: { invitationLifetimeDays: 10 } })).toEqual({
      settings: { invitationLifetimeDays: 10 },
    })
    expect(parsed(UpdateOrganizationSchema, { settings: { passwordPolicy: { minLength: 14 } } })).toEqual({
      settings: { passwordPolicy: { minLength: 14 } },
    })
  })

  it('refuses the plan’s seats and unknown settings', () => {
    expect(codesOf(UpdateOrganizationSchema, { settings: { seats: 100, colour: 'red' } })).toEqual({
      'settings.seats': 'unknown_field',
      'settings.colour': 'unknown_field',
    })
  })

  it('starts new organizations from complete defaults that the organization schema accepts', () => {
    expect(OrganizationSettingsSchema.safeParse(DEFAULT_ORGANIZATION_SETTINGS).success).toBe(true)
    expect(DEFAULT_ORGANIZATION_SETTINGS.invitationLifetimeDays).toBe(30)
  })
})

describe('given form fields and spreadsheet cells left empty', () => {
  it('reads an empty phone, salutation or locale on an invitation row as not given', () => {
    expect(parsed(InvitationRowSchema, row({ phone: '', salutation: '', locale: '' }))).toMatchObject({
      phone: null,
      salutation: null,
    })
    expect(parsed(InvitationRowSchema, row({ locale: '' }))).not.toHaveProperty('locale', '')
  })

  it('reads empty cells of an import row as not given', () => {
    expect(
      parsed(ImportRowSchema, {
        line: 2,
        firstName: 'Jean',
        email: 'j@acme.fr',
        phone: '',
        mobile: '',
        salutation: '',
        groupId: '',
        locale: '',
      }),
    ).toMatchObject({ phone: null, mobile: null, salutation: null })
  })
})

describe('given the wire shape of invitations and imports', () => {
  it('leaves the shared-mailbox list to the server, which knows the organization’s', () => {
    const body = { invitations: [row({ email: 'contact@acme.fr' })] }
    expect(codesOf(CreateInvitationsSchema, body)).toEqual({})
    expect(codesOf(createInvitationsSchema(), body)).toEqual({
      'invitations.0.email': 'shared_mailbox_refused',
    })
    expect(
      codesOf(importRowSchema(['compta']), { line: 2, firstName: 'A', email: 'compta@acme.fr' }),
    ).toEqual({
      email: 'shared_mailbox_refused',
    })
  })

  it('accepts internationalised addresses', () => {
    expect(parsed(InvitationRowSchema, row({ email: 'Jean@Société.fr' })).email).toBe('jean@société.fr')
  })
})

describe('given an administrator creating a person directly (seeds 003, 004)', () => {
  it('takes seed 003’s technician fields with an initial password', () => {
    expect(
      parsed(CreateUserSchema, {
        firstName: 'Jean',
        lastName: 'Dupont',
        nickname: 'JD',
        email: 'Jean.Dupont@acme.fr',
        externalId: 'sso-42',
        description: 'Night shift',
        role: 'technician',
        password: 'correct horse battery staple',
        enabled: false,
      }),
    ).toMatchObject({ email: 'jean.dupont@acme.fr', enabled: false, groupIds: [], sendInvitation: true })
  })

  it('refuses fields that are not a person’s (no mass assignment)', () => {
    expect(
      codesOf(CreateUserSchema, { firstName: 'A', email: 'a@acme.fr', role: 'admin', status: 'active' }),
    ).toEqual({
      status: 'unknown_field',
    })
  })

  it('lets an administrator set a password, not an empty one', () => {
    expect(codesOf(SetUserPasswordSchema, { password: '' })).toEqual({ password: 'required' })
    expect(parsed(SetUserPasswordSchema, { password: 'x', mustChangePassword: true })).toEqual({
      password: 'x',
      mustChangePassword: true,
    })
  })
})

describe('given someone editing their own account', () => {
  it('names the fields nobody may change on themselves: role, enabled, groups', () => {
    expect(selfLockedChanges({ firstName: 'Jean', phone: null })).toEqual([])
    expect(selfLockedChanges({ role: 'owner', groupIds: [], nickname: 'x' })).toEqual(['role', 'groupIds'])
  })

  it('asks each bulk action for the permission of its single-user endpoint', () => {
    expect(BULK_USER_ACTION_PERMISSIONS.resendInvitation).toBe('users:invite')
    expect(BULK_USER_ACTION_PERMISSIONS.delete).toBe('users:delete')
    expect(BULK_USER_ACTION_PERMISSIONS.changeRole).toBe('users:update')
  })
})

describe('given the page size of a query', () => {
  it('takes a number from a caller and a string from a query string', () => {
    expect(parsed(ListUsersQuerySchema, { limit: 20 }).limit).toBe(20)
    expect(parsed(ListUsersQuerySchema, { limit: '20' }).limit).toBe(20)
    expect(parsed(ListUsersQuerySchema, {}).limit).toBe(50)
  })
})
