import {
  type CreateInvitationsResult,
  type CreateInvitationsSchema,
  type ErrorCode,
  type FieldError,
  type Invitation,
  isActionAllowed,
  isRefusedMailbox,
  itemError,
  SHARED_MAILBOX_MESSAGE,
  USER_ACTION_PERMISSIONS,
  type User,
} from '@usher/contract'
import { seededUuid } from '@usher/fixtures'
import type * as z from 'zod'
import { MockApiError } from './errors'
import type { MockDb } from './mock-db'
import { invitedPerson } from './people'

const DAY = 86_400_000

/** When an invitation sent now lapses: the organization's invitation lifetime from the story clock. */
export function invitationExpiry(db: MockDb): string {
  const days = db.organization().settings.invitationLifetimeDays
  return new Date(db.now.getTime() + days * DAY).toISOString()
}

/** The invitation record of an invited (or lapsed) person. */
export function invitationOf(db: MockDb, user: User): Invitation {
  return {
    id: user.invitationId ?? seededUuid(db.random),
    userId: user.id,
    email: user.email,
    salutation: user.salutation,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    groupIds: user.groupIds,
    locale: user.locale,
    status: db.statusOf(user) === 'expired' ? 'expired' : 'pending',
    invitedBy: null,
    expiresAt: user.invitationExpiresAt ?? invitationExpiry(db),
    lastSentAt: user.createdAt,
    sendCount: 1,
    createdAt: user.createdAt,
  }
}

type Row = z.output<typeof CreateInvitationsSchema>['invitations'][number]
type RowResult = CreateInvitationsResult['results'][number]

/** Why a row cannot be invited, in the server's order; null when it can. */
function refusalOf(db: MockDb, viewer: User, row: Row): [ErrorCode, FieldError[]] | null {
  const at = (field: string, code: FieldError['code'], message: string): FieldError[] => [
    { path: field, code, message },
  ]
  if (isRefusedMailbox(row.email, db.organization().settings.refusedMailboxes)) {
    return ['shared_mailbox_refused', at('email', 'shared_mailbox_refused', SHARED_MAILBOX_MESSAGE)]
  }
  if (!db.roles.has(row.role)) return ['validation_failed', at('role', 'invalid_value', 'No such role.')]
  if (!db.roles.canAssign(viewer.role, row.role)) {
    return ['role_above_own', at('role', 'role_above_own', 'You cannot give a role above your own.')]
  }
  const scope = db.scopeOf(viewer)
  const badGroup = row.groupIds.findIndex(
    (id) => !db.groups.some((g) => g.id === id) || (scope !== null && !scope.has(id)),
  )
  if (badGroup !== -1) {
    return ['validation_failed', at(`groupIds.${badGroup}`, 'not_found', 'No such group.')]
  }
  if (scope !== null && row.groupIds.length === 0) {
    return ['validation_failed', at('groupIds', 'required', 'Put the person in at least one of your groups.')]
  }
  const existing = db.users.find((u) => u.email === row.email)
  if (existing) {
    const status = db.statusOf(existing)
    const code = status === 'invited' || status === 'expired' ? 'invitation_pending' : 'email_taken'
    return [code, at('email', code, code)]
  }
  if (db.roles.takesSeat(row.role) && db.seatsAllowed !== null && db.seatsUsed() + 1 > db.seatsAllowed) {
    return ['seat_limit_reached', at('role', 'seat_limit_reached', 'No seat left for this role.')]
  }
  return null
}

/**
 * POST /invitations: each row judged as the server judges it (the organization's shared
 * mailboxes, a role the viewer may give, groups in their scope, no one already there, a seat for a
 * role that takes one); `faults.invitations: 'rows'` fails every other row.
 */
export function createInvitations(
  db: MockDb,
  viewer: User,
  input: z.output<typeof CreateInvitationsSchema>,
): CreateInvitationsResult {
  db.requirePermission(viewer, 'users:invite')
  const rowFaults = db.scenario.faults?.invitations === 'rows'
  const results = input.invitations.map((row, index): RowResult => {
    const refused: [ErrorCode, FieldError[]] | null =
      rowFaults && index % 2 === 1 ? ['internal_error', []] : refusalOf(db, viewer, row)
    if (refused) {
      const [code, errors] = refused
      const paths = errors.map((e) => ({ ...e, path: `invitations.${index}.${e.path}` }))
      return {
        index,
        status: 'failed',
        email: row.email,
        error: itemError(code, undefined, paths.length ? paths : undefined),
      }
    }
    // A dry run (the invite form's row check) creates nothing; the mock knows no other organization.
    if (input.dryRun) return { index, status: 'valid', email: row.email, existingAccount: false }
    const user = invitedPerson(
      db.users[0] as User,
      { ...row, locale: row.locale ?? viewer.locale },
      {
        id: seededUuid(db.random),
        invitationId: seededUuid(db.random),
        expiresAt: invitationExpiry(db),
        createdAt: db.now.toISOString(),
      },
    )
    db.users = [...db.users, user]
    db.shares.set(user.id, { items: [], version: 1 })
    const invitation = invitationOf(db, user)
    db.invitations.set(invitation.id, invitation)
    return { index, status: 'created', invitation, user }
  })
  const created = results.filter((r) => r.status === 'created').length
  const failed = results.filter((r) => r.status === 'failed').length
  return { results, created, failed }
}

/** The invited person behind `invitationId`, if the viewer may act on their account. */
function invitee(
  db: MockDb,
  viewer: User,
  invitationId: string,
  action: 'resendInvitation' | 'revokeInvitation',
) {
  db.requirePermission(viewer, USER_ACTION_PERMISSIONS[action])
  const user = db.visibleUsers(viewer).find((u) => u.invitationId === invitationId)
  if (!user) throw new MockApiError('not_found')
  db.requireManage(viewer, user)
  if (!isActionAllowed(db.statusOf(user), action)) throw new MockApiError('status_not_allowed')
  return user
}

/** POST /invitations/:id/resend: a new expiry; a lapsed invitation is pending again. */
export function resendInvitation(db: MockDb, viewer: User, invitationId: string): Invitation {
  const user = invitee(db, viewer, invitationId, 'resendInvitation')
  const next: User = {
    ...user,
    status: 'invited',
    invitationExpiresAt: invitationExpiry(db),
    version: user.version + 1,
  }
  db.replaceUser(next)
  const sendCount = (db.invitations.get(invitationId)?.sendCount ?? 1) + 1
  const invitation = { ...invitationOf(db, next), sendCount, lastSentAt: db.now.toISOString() }
  db.invitations.set(invitationId, invitation)
  return invitation
}

/** DELETE /invitations/:id: the invitation and the person it made go. */
export function revokeInvitation(db: MockDb, viewer: User, invitationId: string) {
  const user = invitee(db, viewer, invitationId, 'revokeInvitation')
  db.invitations.delete(invitationId)
  db.users = db.users.filter((u) => u.id !== user.id)
}
