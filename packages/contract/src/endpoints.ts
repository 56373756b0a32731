import * as z from 'zod'
import type { ErrorCode } from './errors/error-codes'
import {
  AccessReviewExportQuerySchema,
  AccessReviewItemPageSchema,
  AccessReviewReminderSchema,
  AccessReviewSchema,
  CurrentAccessReviewSchema,
  DecideAccessReviewSchema,
  ListAccessReviewItemsQuerySchema,
} from './resources/access-review'
import { AuditPageSchema, ListAuditQuerySchema } from './resources/audit'
import {
  ChangePasswordSchema,
  LoginResultSchema,
  LoginSchema,
  MembershipListSchema,
  PasswordResetConfirmSchema,
  PasswordResetLookupQuerySchema,
  PasswordResetLookupSchema,
  PasswordResetRequestSchema,
  SwitchOrganizationSchema,
} from './resources/auth'
import { BulkResultSchema } from './resources/batch'
import {
  CreateDirectoryTokenSchema,
  DirectoryRequestPageSchema,
  DirectorySyncSchema,
  DirectorySyncSettingsSchema,
  DirectoryTokenCreatedSchema,
  ListDirectoryRequestsQuerySchema,
  UpdateDirectorySyncSettingsSchema,
} from './resources/directory-sync'
import {
  CreateGroupSchema,
  GroupPageSchema,
  GroupSchema,
  ListGroupsQuerySchema,
  UpdateGroupSchema,
} from './resources/group'
import {
  CreateImportSchema,
  ImportChunkResultSchema,
  ImportChunkSchema,
  ImportReportPageSchema,
  ImportReportQuerySchema,
  ImportSchema,
} from './resources/import'
import {
  InboundEmailResultSchema,
  InboundEmailTokensSchema,
  ReceiveInboundEmailSchema,
  RFC822_CONTENT_TYPE,
} from './resources/inbound-email'
import {
  AcceptInvitationResultSchema,
  AcceptInvitationSchema,
  CreateInvitationsResultSchema,
  CreateInvitationsSchema,
  InvitationLookupQuerySchema,
  InvitationLookupSchema,
  InvitationPageSchema,
  InvitationSchema,
  ListInvitationsQuerySchema,
} from './resources/invitation'
import { MailProblemListSchema } from './resources/mail'
import { MeSchema } from './resources/me'
import {
  ActivateOrganizationSchema,
  OrganizationSchema,
  UpdateOrganizationSchema,
} from './resources/organization'
import { IdSchema } from './resources/primitives'
import { RoleListSchema } from './resources/role'
import {
  BulkSharesRequestSchema,
  BulkSharesResultSchema,
  GroupSharePageSchema,
  ListGroupSharesQuerySchema,
  ReplaceSharesSchema,
  UserSharesSchema,
} from './resources/share'
import {
  BulkUsersRequestSchema,
  CountUsersQuerySchema,
  CreateUserSchema,
  ListUsersQuerySchema,
  SetUserPasswordSchema,
  UpdateUserSchema,
  UserCountSchema,
  UserPageSchema,
  UserSchema,
} from './resources/user'
import { CSV_CONTENT_TYPE, ExportUsersQuerySchema } from './resources/user-export'
import type { Permission } from './rules/permissions'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One row of the API: everything the server routes and checks, the SDK calls, the OpenAPI document
 * describes and the authorization tests walk through.
 */
export interface EndpointDefinition {
  readonly method: HttpMethod
  /** OpenAPI-style path under the host's mount prefix: `/users/{id}`. */
  readonly path: string
  readonly tag:
    | 'me'
    | 'organization'
    | 'users'
    | 'invitations'
    | 'groups'
    | 'shares'
    | 'roles'
    | 'imports'
    | 'audit'
    | 'auth'
    | 'meta'
  readonly summary: string
  readonly description?: string
  /**
   * `public`: no token. `authenticated`: any signed-in member (the handler narrows further, e.g.
   * to themselves). `inbound-email-token`: a token of the organization's mail pipeline (not a
   * person's session). A permission: the caller's role must grant it.
   */
  readonly auth: 'public' | 'authenticated' | 'inbound-email-token' | Permission
  /**
   * A body of this media type is also taken, as the text of `field` in the JSON body (a whole
   * message, `message/rfc822`).
   */
  readonly rawBody?: { readonly contentType: string; readonly field: string }
  readonly params?: z.ZodObject
  readonly query?: z.ZodType
  readonly body?: z.ZodType
  /** The update needs `If-Match: "<version>"`; a stale version gets 412. */
  readonly ifMatch?: boolean
  /** The create accepts an `Idempotency-Key`; a replay gets the first answer. */
  readonly idempotent?: boolean
  /**
   * A POST the server recognises when repeated without a key (an import chunk carries its index):
   * clients may retry it like a keyed one.
   */
  readonly replayable?: boolean
  readonly success: {
    readonly status: 200 | 201 | 202 | 204
    readonly schema?: z.ZodType
    /** A file instead of JSON (an export): the body is streamed as this media type. */
    readonly file?: { readonly contentType: string; readonly description: string }
  }
  /** Codes this endpoint answers with, besides the ones every endpoint may give. */
  readonly errors: readonly ErrorCode[]
}

/** Codes any authenticated endpoint may answer with. */
export const COMMON_ERRORS = [
  'unauthenticated',
  'token_expired',
  // The caller's account: disabled, never activated, or a session that must change its password.
  'account_disabled',
  'account_not_activated',
  'password_change_required',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const satisfies readonly ErrorCode[]

const idParams = z.object({ id: IdSchema })

const define = <const T extends Record<string, EndpointDefinition>>(endpoints: T) => endpoints

export const endpoints = define({
  getMe: {
    method: 'GET',
    path: '/me',
    tag: 'me',
    summary: 'The caller: user, organization, permissions, seats used and allowed.',
    auth: 'authenticated',
    success: { status: 200, schema: MeSchema },
    errors: [],
  },
  activateOrganization: {
    method: 'POST',
    path: '/organization/activate',
    tag: 'organization',
    summary: 'Activate the team by naming it; users can be managed afterwards.',
    auth: 'organization:manage',
    body: ActivateOrganizationSchema,
    success: { status: 200, schema: OrganizationSchema },
    errors: ['validation_failed', 'forbidden', 'conflict'],
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/organization',
    tag: 'organization',
    summary: 'Change the name and settings: invitation lifetime, refused mailboxes, topics, password policy.',
    auth: 'organization:manage',
    body: UpdateOrganizationSchema,
    ifMatch: true,
    success: { status: 200, schema: OrganizationSchema },
    errors: ['validation_failed', 'forbidden', 'version_mismatch', 'precondition_required'],
  },
  listMailProblems: {
    method: 'GET',
    path: '/organization/mail-problems',
    tag: 'organization',
    summary:
      'Messages of the organization that could not be delivered: still retried, or given up with the reason.',
    description:
      'A failed send is retried with growing waits (1, 4, 16 and 64 minutes, then 4 hours) and given up after six attempts. Lists the 50 most recent, newest first.',
    auth: 'organization:manage',
    success: { status: 200, schema: MailProblemListSchema },
    errors: ['forbidden'],
  },
  listUsers: {
    method: 'GET',
    path: '/users',
    tag: 'users',
    summary: 'List users: search, filter by role, status and group, sort; keyset pages.',
    description: 'An admin sees the users within their groups; the owner sees everyone.',
    auth: 'users:read',
    query: ListUsersQuerySchema,
    success: { status: 200, schema: UserPageSchema },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  countUsers: {
    method: 'GET',
    path: '/users/count',
    tag: 'users',
    summary: 'Count the users that the list’s search and filters match.',
    description:
      'The same search, filters, permission and scope as the list: an admin counts the users within their groups. Exact when the database expects at most 20,000 matches; beyond, the database’s estimate, marked `exact: false`, so that the answer stays fast in organizations of any size.',
    auth: 'users:read',
    query: CountUsersQuerySchema,
    success: { status: 200, schema: UserCountSchema },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  exportUsers: {
    method: 'GET',
    path: '/users/export',
    tag: 'users',
    summary: 'Export the listed users as CSV: the same search, filters and sort, every page.',
    description:
      'Streamed in keyset batches, so memory stays flat however many people match. UTF-8 with a byte-order mark; `delimiter=;` for spreadsheets set to French. Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe. An admin exports the users within their groups.',
    auth: 'users:read',
    query: ExportUsersQuerySchema,
    success: {
      status: 200,
      file: {
        contentType: CSV_CONTENT_TYPE,
        description: 'The CSV file; Content-Disposition names it after the organization and the date.',
      },
    },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  createUser: {
    method: 'POST',
    path: '/users',
    tag: 'users',
    summary: 'Create a person directly: active with an initial password, or invited.',
    description:
      'With `password` the account is active at once (checked against the policy; must change it at next sign-in per the policy); without one the person is invited.',
    auth: 'users:invite',
    body: CreateUserSchema,
    idempotent: true,
    success: { status: 201, schema: UserSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'role_above_own',
      'team_not_activated',
      'email_taken',
      'invitation_pending',
      'shared_mailbox_refused',
      'seat_limit_reached',
      'password_too_weak',
      'idempotency_key_reused',
      'idempotency_in_progress',
    ],
  },
  setUserPassword: {
    method: 'POST',
    path: '/users/{id}/password',
    tag: 'users',
    summary: "An administrator sets a user's password, by default to be changed at next sign-in.",
    auth: 'users:update',
    params: idParams,
    body: SetUserPasswordSchema,
    success: { status: 204 },
    errors: [
      'validation_failed',
      'forbidden',
      'not_found',
      'password_too_weak',
      'status_not_allowed',
      'role_above_own',
      'seat_limit_reached',
    ],
  },
  getUser: {
    method: 'GET',
    path: '/users/{id}',
    tag: 'users',
    summary: 'One user. Everyone may read themselves; others need users:read and the user in scope.',
    auth: 'authenticated',
    params: idParams,
    success: { status: 200, schema: UserSchema },
    errors: ['not_found'],
  },
  updateUser: {
    method: 'PATCH',
    path: '/users/{id}',
    tag: 'users',
    summary: 'Update profile, role, enabled, contact-for tags, groups, force password change.',
    description:
      'Nobody changes their own role, enabled flag or groups (`SELF_LOCKED_FIELDS`): 403 forbidden.',
    auth: 'users:update',
    params: idParams,
    body: UpdateUserSchema,
    ifMatch: true,
    success: { status: 200, schema: UserSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'role_above_own',
      'not_found',
      'version_mismatch',
      'precondition_required',
      'seat_limit_reached',
      'last_owner',
      'status_not_allowed',
    ],
  },
  deleteUser: {
    method: 'DELETE',
    path: '/users/{id}',
    tag: 'users',
    summary: 'Delete a user (and their pending invitation and shares).',
    auth: 'users:delete',
    params: idParams,
    success: { status: 204 },
    errors: ['forbidden', 'not_found', 'last_owner', 'role_above_own'],
  },
  bulkUsers: {
    method: 'POST',
    path: '/users/bulk',
    tag: 'users',
    summary: 'One action on many users: change role, enable, disable, resend, force password change, delete.',
    description:
      'Needs users:update, and for each action the permission of its single-user endpoint (`BULK_USER_ACTION_PERMISSIONS`: users:invite to resend, users:delete to delete). Answers one result per user.',
    auth: 'users:update',
    body: BulkUsersRequestSchema,
    idempotent: true,
    success: { status: 200, schema: BulkResultSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'batch_too_large',
      'idempotency_key_reused',
      'idempotency_in_progress',
    ],
  },
  createInvitations: {
    method: 'POST',
    path: '/invitations',
    tag: 'invitations',
    summary: 'Invite 1..N people; one result per row, in order.',
    description:
      'Each row is checked on its own: a row that fails (email taken, invitation pending, shared mailbox, seat limit, invalid field) does not stop the others. A request whose Idempotency-Key is still being processed answers 409 `idempotency_in_progress` with a `Retry-After`.',
    auth: 'users:invite',
    body: CreateInvitationsSchema,
    idempotent: true,
    success: { status: 200, schema: CreateInvitationsResultSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'team_not_activated',
      'batch_too_large',
      'idempotency_key_reused',
      'idempotency_in_progress',
    ],
  },
  listInvitations: {
    method: 'GET',
    path: '/invitations',
    tag: 'invitations',
    summary: 'Pending and expired invitations.',
    auth: 'users:read',
    query: ListInvitationsQuerySchema,
    success: { status: 200, schema: InvitationPageSchema },
    errors: ['validation_failed', 'forbidden'],
  },
  resendInvitation: {
    method: 'POST',
    path: '/invitations/{id}/resend',
    tag: 'invitations',
    summary: 'Resend: a new token (the old link stops working) and a new expiry. Throttled per address.',
    auth: 'users:invite',
    params: idParams,
    success: { status: 200, schema: InvitationSchema },
    errors: [
      'forbidden',
      'not_found',
      'status_not_allowed',
      'rate_limited',
      'seat_limit_reached',
      'role_above_own',
    ],
  },
  revokeInvitation: {
    method: 'DELETE',
    path: '/invitations/{id}',
    tag: 'invitations',
    summary: 'Revoke: the link stops working at once.',
    auth: 'users:invite',
    params: idParams,
    success: { status: 204 },
    errors: ['forbidden', 'not_found', 'status_not_allowed', 'role_above_own'],
  },
  lookupInvitation: {
    method: 'GET',
    path: '/invitations/lookup',
    tag: 'invitations',
    summary: 'What an invitation link is for: organization, inviter, name, email, expiry, password policy.',
    auth: 'public',
    query: InvitationLookupQuerySchema,
    success: { status: 200, schema: InvitationLookupSchema },
    errors: [
      'validation_failed',
      'invitation_not_found',
      'invitation_revoked',
      'invitation_used',
      'rate_limited',
    ],
  },
  acceptInvitation: {
    method: 'POST',
    path: '/invitations/accept',
    tag: 'invitations',
    summary: 'Accept: name, password, consent and terms; the account becomes active.',
    auth: 'public',
    body: AcceptInvitationSchema,
    success: { status: 200, schema: AcceptInvitationResultSchema },
    errors: [
      'validation_failed',
      'password_too_weak',
      'invalid_credentials',
      'invitation_not_found',
      'invitation_expired',
      'invitation_revoked',
      'invitation_used',
      'invitation_email_mismatch',
      'seat_limit_reached',
      'rate_limited',
    ],
  },
  listGroups: {
    method: 'GET',
    path: '/groups',
    tag: 'groups',
    summary:
      'Groups (flat, with parentId), with member and share counts. Technicians see the groups shared with them.',
    auth: 'authenticated',
    query: ListGroupsQuerySchema,
    success: { status: 200, schema: GroupPageSchema },
    errors: ['validation_failed'],
  },
  createGroup: {
    method: 'POST',
    path: '/groups',
    tag: 'groups',
    summary: 'Create a group, optionally under a parent.',
    auth: 'groups:manage',
    body: CreateGroupSchema,
    idempotent: true,
    success: { status: 201, schema: GroupSchema },
    errors: ['validation_failed', 'forbidden', 'not_found', 'conflict', 'idempotency_key_reused'],
  },
  updateGroup: {
    method: 'PATCH',
    path: '/groups/{id}',
    tag: 'groups',
    summary: 'Rename, describe or move a group.',
    auth: 'groups:manage',
    params: idParams,
    body: UpdateGroupSchema,
    ifMatch: true,
    success: { status: 200, schema: GroupSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'not_found',
      'group_cycle',
      'version_mismatch',
      'precondition_required',
    ],
  },
  deleteGroup: {
    method: 'DELETE',
    path: '/groups/{id}',
    tag: 'groups',
    summary: 'Delete an empty group (no subgroups, no members); its shares go with it.',
    auth: 'groups:manage',
    params: idParams,
    success: { status: 204 },
    errors: ['forbidden', 'not_found', 'group_not_empty'],
  },
  getUserShares: {
    method: 'GET',
    path: '/users/{id}/shares',
    tag: 'shares',
    summary: "One user's shared groups with their permission. Everyone may read their own.",
    auth: 'authenticated',
    params: idParams,
    success: { status: 200, schema: UserSharesSchema },
    errors: ['forbidden', 'not_found'],
  },
  listGroupShares: {
    method: 'GET',
    path: '/groups/{id}/shares',
    tag: 'shares',
    summary: 'Who a group is shared with, and with which permission: sharing starts from the group.',
    auth: 'shares:manage',
    params: idParams,
    query: ListGroupSharesQuerySchema,
    success: { status: 200, schema: GroupSharePageSchema },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  replaceUserShares: {
    method: 'PUT',
    path: '/users/{id}/shares',
    tag: 'shares',
    summary: "Replace a user's shared groups (If-Match on the shares' version).",
    auth: 'shares:manage',
    params: idParams,
    body: ReplaceSharesSchema,
    ifMatch: true,
    success: { status: 200, schema: UserSharesSchema },
    errors: ['validation_failed', 'forbidden', 'not_found', 'version_mismatch', 'precondition_required'],
  },
  bulkShares: {
    method: 'POST',
    path: '/shares/bulk',
    tag: 'shares',
    summary: 'Share or unshare many groups (or all) with many users, with a permission.',
    auth: 'shares:manage',
    body: BulkSharesRequestSchema,
    idempotent: true,
    success: { status: 200, schema: BulkSharesResultSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'batch_too_large',
      'idempotency_key_reused',
      'idempotency_in_progress',
    ],
  },
  listRoles: {
    method: 'GET',
    path: '/roles',
    tag: 'roles',
    summary: 'Roles and their permissions.',
    auth: 'authenticated',
    success: { status: 200, schema: RoleListSchema },
    errors: [],
  },
  createImport: {
    method: 'POST',
    path: '/imports',
    tag: 'imports',
    summary: 'Open an import: file name, row count, options (dry run, default role, target group...).',
    auth: 'imports:run',
    body: CreateImportSchema,
    idempotent: true,
    success: { status: 201, schema: ImportSchema },
    errors: [
      'validation_failed',
      'forbidden',
      'import_row_limit',
      'team_not_activated',
      'idempotency_key_reused',
    ],
  },
  addImportChunk: {
    method: 'POST',
    path: '/imports/{id}/chunks',
    tag: 'imports',
    summary: 'Send a chunk of rows; a chunk index already received answers its first results again.',
    auth: 'imports:run',
    params: idParams,
    replayable: true,
    body: ImportChunkSchema,
    success: { status: 200, schema: ImportChunkResultSchema },
    errors: ['validation_failed', 'forbidden', 'not_found', 'import_finished', 'import_row_limit'],
  },
  completeImport: {
    method: 'POST',
    path: '/imports/{id}/complete',
    tag: 'imports',
    summary: 'Close the import once every chunk is sent.',
    auth: 'imports:run',
    params: idParams,
    success: { status: 200, schema: ImportSchema },
    errors: ['forbidden', 'not_found', 'import_finished'],
  },
  getImport: {
    method: 'GET',
    path: '/imports/{id}',
    tag: 'imports',
    summary: 'Progress and counts of an import.',
    auth: 'imports:run',
    params: idParams,
    success: { status: 200, schema: ImportSchema },
    errors: ['forbidden', 'not_found'],
  },
  getImportReport: {
    method: 'GET',
    path: '/imports/{id}/rows',
    tag: 'imports',
    summary: 'The per-row report, filterable by result (e.g. the failed rows to fix and re-upload).',
    auth: 'imports:run',
    params: idParams,
    query: ImportReportQuerySchema,
    success: { status: 200, schema: ImportReportPageSchema },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  cancelImport: {
    method: 'DELETE',
    path: '/imports/{id}',
    tag: 'imports',
    summary: 'Cancel an open import; rows already processed stay.',
    auth: 'imports:run',
    params: idParams,
    success: { status: 200, schema: ImportSchema },
    errors: ['forbidden', 'not_found', 'import_finished'],
  },
  listAudit: {
    method: 'GET',
    path: '/audit',
    tag: 'audit',
    summary: 'Audit events, newest first: filtered by who acted, on whom, which action and a time range.',
    description:
      'A group admin reads the events on the people, invitations and groups within their groups, and their own.',
    auth: 'audit:read',
    query: ListAuditQuerySchema,
    success: { status: 200, schema: AuditPageSchema },
    errors: ['validation_failed', 'forbidden'],
  },
  startAccessReview: {
    method: 'POST',
    path: '/access-reviews',
    tag: 'audit',
    summary: 'Start an access review: every role and shared group, for administrators to confirm or remove.',
    description:
      'The review lists each enabled member’s role and each group shared with them, as they stand now. One review is open at a time: starting another while one is open answers 409 conflict.',
    auth: 'organization:manage',
    success: { status: 201, schema: AccessReviewSchema },
    errors: ['forbidden', 'conflict'],
  },
  getCurrentAccessReview: {
    method: 'GET',
    path: '/access-reviews/current',
    tag: 'audit',
    summary: 'The open access review (else the last closed one), with the caller’s progress.',
    description:
      'Counts cover the lines within the caller’s scope: a group admin sees the people and shares of their groups. `review` is null before the first review.',
    auth: 'users:read',
    success: { status: 200, schema: CurrentAccessReviewSchema },
    errors: ['forbidden'],
  },
  listAccessReviewItems: {
    method: 'GET',
    path: '/access-reviews/{id}/items',
    tag: 'audit',
    summary: 'The lines of an access review within the caller’s scope: roles and shared groups, by person.',
    auth: 'users:read',
    params: idParams,
    query: ListAccessReviewItemsQuerySchema,
    success: { status: 200, schema: AccessReviewItemPageSchema },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  decideAccessReview: {
    method: 'POST',
    path: '/access-reviews/{id}/decisions',
    tag: 'audit',
    summary: 'Confirm or remove lines of the open review; removing disables the account or stops the share.',
    description:
      'Each line is answered on its own: one outside the caller’s scope is not_found, one already decided or of a closed review is conflict, one the caller may not change (a role at or above their own, the last owner) carries the same error as the change done by hand.',
    auth: 'users:read',
    params: idParams,
    body: DecideAccessReviewSchema,
    success: { status: 200, schema: BulkResultSchema },
    errors: ['validation_failed', 'forbidden', 'not_found', 'conflict'],
  },
  remindAccessReviewers: {
    method: 'POST',
    path: '/access-reviews/{id}/remind',
    tag: 'audit',
    summary: 'Send a reminder to each reviewer who still has lines to decide.',
    description: 'At most once an hour: a second reminder within the hour answers 409 conflict.',
    auth: 'organization:manage',
    params: idParams,
    success: { status: 200, schema: AccessReviewReminderSchema },
    errors: ['forbidden', 'not_found', 'conflict'],
  },
  closeAccessReview: {
    method: 'POST',
    path: '/access-reviews/{id}/close',
    tag: 'audit',
    summary: 'Close the open review; its outcome is written to the audit log.',
    description: 'Lines still pending stay pending in the outcome: nobody decided them.',
    auth: 'organization:manage',
    params: idParams,
    success: { status: 200, schema: AccessReviewSchema },
    errors: ['forbidden', 'not_found', 'conflict'],
  },
  exportAccessReview: {
    method: 'GET',
    path: '/access-reviews/{id}/export',
    tag: 'audit',
    summary: 'The outcome of a review as CSV: every line, its decision, who decided and when.',
    description:
      'The same cells as the lines the caller may read. Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.',
    auth: 'audit:read',
    params: idParams,
    query: AccessReviewExportQuerySchema,
    success: {
      status: 200,
      file: {
        contentType: CSV_CONTENT_TYPE,
        description: 'The CSV file, named after the organization and the review’s date.',
      },
    },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
  getDirectorySync: {
    method: 'GET',
    path: '/directory-sync',
    tag: 'organization',
    summary: 'Directory sync (SCIM 2.0): the endpoint path, the settings, the live bearer tokens.',
    auth: 'organization:manage',
    success: { status: 200, schema: DirectorySyncSchema },
    errors: ['forbidden'],
  },
  updateDirectorySyncSettings: {
    method: 'PATCH',
    path: '/directory-sync/settings',
    tag: 'organization',
    summary: 'Change what directory sync does: the default role, deprovisioning, invitation emails.',
    auth: 'organization:manage',
    body: UpdateDirectorySyncSettingsSchema,
    success: { status: 200, schema: DirectorySyncSettingsSchema },
    errors: ['validation_failed', 'forbidden'],
  },
  createDirectoryToken: {
    method: 'POST',
    path: '/directory-sync/tokens',
    tag: 'organization',
    summary: 'Create a named bearer token for a directory; the secret is answered this once.',
    auth: 'organization:manage',
    body: CreateDirectoryTokenSchema,
    success: { status: 201, schema: DirectoryTokenCreatedSchema },
    errors: ['validation_failed', 'forbidden', 'conflict'],
  },
  revokeDirectoryToken: {
    method: 'DELETE',
    path: '/directory-sync/tokens/{id}',
    tag: 'organization',
    summary: 'Revoke a directory token: its next request answers 401.',
    auth: 'organization:manage',
    params: idParams,
    success: { status: 204 },
    errors: ['forbidden', 'not_found'],
  },
  listDirectoryRequests: {
    method: 'GET',
    path: '/directory-sync/requests',
    tag: 'organization',
    summary: 'The last requests directories made, newest first, with the reason of each refusal.',
    auth: 'organization:manage',
    query: ListDirectoryRequestsQuerySchema,
    success: { status: 200, schema: DirectoryRequestPageSchema },
    errors: ['validation_failed', 'forbidden'],
  },
  receiveInboundEmail: {
    method: 'POST',
    path: '/inbound-email',
    tag: 'organization',
    summary:
      'Who wrote an incoming message: the person with this address, or a new one when the organization asks.',
    description: [
      'Takes the whole message (`message/rfc822`, or JSON `raw`) or its sender fields as JSON. A person of the organization with the address (compared case-insensitively) is answered as `matched`. Otherwise, when the organization creates people from email, a new person is created with the role of its settings, named from the display name, placed in the group of the address’s domain, `source: email`, and invited only when the settings ask (`created`).',
      'Nobody is created from automatic answers, lists, bounces, addresses that take no answer, or the organization’s refused mailboxes: the answer is `refused` with the reason. A `Message-ID` seen before gets its first answer again (`replayed`) and writes nothing.',
    ].join('\n\n'),
    auth: 'inbound-email-token',
    body: ReceiveInboundEmailSchema,
    rawBody: { contentType: RFC822_CONTENT_TYPE, field: 'raw' },
    success: { status: 200, schema: InboundEmailResultSchema },
    errors: ['validation_failed'],
  },
  listInboundEmailTokens: {
    method: 'GET',
    path: '/inbound-email/tokens',
    tag: 'organization',
    summary: 'The live tokens of the organization’s mail pipeline.',
    auth: 'organization:manage',
    success: { status: 200, schema: InboundEmailTokensSchema },
    errors: ['forbidden'],
  },
  createInboundEmailToken: {
    method: 'POST',
    path: '/inbound-email/tokens',
    tag: 'organization',
    summary: 'Create a named token for a mail pipeline; the secret is answered this once.',
    auth: 'organization:manage',
    body: CreateDirectoryTokenSchema,
    success: { status: 201, schema: DirectoryTokenCreatedSchema },
    errors: ['validation_failed', 'forbidden'],
  },
  revokeInboundEmailToken: {
    method: 'DELETE',
    path: '/inbound-email/tokens/{id}',
    tag: 'organization',
    summary: 'Revoke a mail pipeline token: its next message answers 401.',
    auth: 'organization:manage',
    params: idParams,
    success: { status: 204 },
    errors: ['forbidden', 'not_found'],
  },
  login: {
    method: 'POST',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Built-in sign-in (off when the host signs tokens itself).',
    auth: 'public',
    body: LoginSchema,
    success: { status: 200, schema: LoginResultSchema },
    errors: [
      'validation_failed',
      'invalid_credentials',
      'account_disabled',
      'builtin_auth_disabled',
      'rate_limited',
    ],
  },
  requestPasswordReset: {
    method: 'POST',
    path: '/auth/password-reset',
    tag: 'auth',
    summary:
      'Email a reset link. Answers 202 whether or not the address exists. Also activates an invited account whose invitation was lost.',
    auth: 'public',
    body: PasswordResetRequestSchema,
    success: { status: 202 },
    errors: ['validation_failed', 'builtin_auth_disabled', 'rate_limited'],
  },
  lookupPasswordReset: {
    method: 'GET',
    path: '/auth/password-reset/lookup',
    tag: 'auth',
    summary: 'What a reset link is for: account, organization, password policy, activation or not.',
    auth: 'public',
    query: PasswordResetLookupQuerySchema,
    success: { status: 200, schema: PasswordResetLookupSchema },
    errors: ['validation_failed', 'reset_token_invalid', 'builtin_auth_disabled', 'rate_limited'],
  },
  confirmPasswordReset: {
    method: 'POST',
    path: '/auth/password-reset/confirm',
    tag: 'auth',
    summary: 'Set a new password with a reset token; signs in.',
    auth: 'public',
    body: PasswordResetConfirmSchema,
    success: { status: 200, schema: LoginResultSchema },
    errors: [
      'validation_failed',
      'reset_token_invalid',
      'password_too_weak',
      'builtin_auth_disabled',
      'rate_limited',
      'seat_limit_reached',
    ],
  },
  changePassword: {
    method: 'POST',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Change your own password (the step after "force password change"); answers a fresh session.',
    auth: 'authenticated',
    body: ChangePasswordSchema,
    success: { status: 200, schema: LoginResultSchema },
    errors: ['validation_failed', 'invalid_credentials', 'password_too_weak', 'builtin_auth_disabled'],
  },
  listMemberships: {
    method: 'GET',
    path: '/me/memberships',
    tag: 'me',
    summary: 'The organizations the caller’s account can open (one address, one password for all).',
    auth: 'authenticated',
    success: { status: 200, schema: MembershipListSchema },
    errors: [],
  },
  switchOrganization: {
    method: 'POST',
    path: '/auth/switch',
    tag: 'auth',
    summary:
      'A built-in session for another organization of the signed-in account, without its password again.',
    auth: 'authenticated',
    body: SwitchOrganizationSchema,
    success: { status: 200, schema: LoginResultSchema },
    errors: ['validation_failed', 'not_found', 'builtin_auth_disabled'],
  },
})

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints

/** Fills `{name}` segments: `buildPath('/users/{id}', { id })`. Values are URI-encoded. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`)
    return encodeURIComponent(value)
  })
}
