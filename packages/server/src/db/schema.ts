import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Row types of the tables `migrations/` creates. Timestamps are `timestamptz`; node-postgres and
 * PGlite both read them as `Date`. Names are snake_case in SQL and here, camelCase on the wire.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface OrganizationsTable {
  id: string
  name: string
  slug: string
  activated_at: Timestamp | null
  /** OrganizationSettings, as JSON. */
  settings: Json<unknown>
  created_at: Timestamp
  version: Generated<number>
}

export interface UsersTable {
  id: string
  org_id: string
  /** Normalised (`normalizeEmail`); unique per organization. */
  email: string
  salutation: string | null
  first_name: string
  last_name: string
  nickname: string | null
  phone: string | null
  mobile: string | null
  job_title: string | null
  department: string | null
  description: string | null
  external_id: string | null
  locale: string
  role: string
  enabled: boolean
  /** Set once the person has a password (accepted, or created active). Null while invited. */
  activated_at: Timestamp | null
  /** The pending invitation's expiry, kept here so status filters and seat counts are one index away. */
  invitation_expires_at: Timestamp | null
  contact_for: string[]
  primary_contact: boolean
  assigned_agent_id: string | null
  must_change_password: boolean
  source: string
  /**
   * The person's account (address and password, shared by all their organizations); this row is
   * their membership of one organization. Null only for rows written without `insertPeople`.
   */
  account_id: string | null
  created_at: Timestamp
  last_active_at: Timestamp | null
  version: Generated<number>
  shares_version: Generated<number>
  /** Folded (lowercase, no accents) for prefix search and sorting; see `domain/search.ts`. */
  sort_name: string
  search_first: string
  search_last: string
  search_full: string
}

/** A person's sign-in, shared by every organization they belong to (their `users` rows). */
export interface AccountsTable {
  id: string
  /** Normalised (`normalizeEmail`); unique across organizations. */
  email: string
  /** Null until the person sets a password (accepts an invitation, resets, or is given one). */
  password_hash: string | null
  /** Bumped when the password changes: built-in sessions issued before are refused. */
  session_epoch: Generated<number>
  first_name: string
  last_name: string
  locale: string
  created_at: Timestamp
}

/** An access review (migration 0009): one open at a time per organization. */
export interface AccessReviewsTable {
  id: string
  org_id: string
  status: 'open' | 'closed'
  started_by: string | null
  started_at: Timestamp
  closed_by: string | null
  closed_at: Timestamp | null
  reminded_at: Timestamp | null
}

/** One line of a review: a person's role, or one group shared with them, as it stood at the start. */
export interface AccessReviewItemsTable {
  id: string
  review_id: string
  org_id: string
  user_id: string
  kind: 'role' | 'share'
  role: string
  group_id: string | null
  group_name: string | null
  permission: 'view' | 'manage' | null
  user_name: string
  user_email: string
  sort_name: string
  decision: 'pending' | 'confirmed' | 'removed'
  decided_by: string | null
  decided_by_name: string | null
  decided_at: Timestamp | null
}

export interface GroupsTable {
  id: string
  org_id: string
  name: string
  description: string | null
  parent_id: string | null
  created_at: Timestamp
  version: Generated<number>
}

export interface UserGroupsTable {
  user_id: string
  group_id: string
  org_id: string
}

export interface SharesTable {
  user_id: string
  group_id: string
  org_id: string
  permission: 'view' | 'manage'
  created_at: Timestamp
}

export interface InvitationsTable {
  id: string
  org_id: string
  /** Null once the person was deleted (revoking an invitation deletes the never-activated account). */
  user_id: string | null
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string
  status: 'pending' | 'accepted' | 'revoked'
  expires_at: Timestamp
  invited_by: string | null
  message: string | null
  created_at: Timestamp
  last_sent_at: Timestamp
  send_count: number
  accepted_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface PasswordResetsTable {
  id: string
  org_id: string
  user_id: string
  token_hash: string
  expires_at: Timestamp
  used_at: Timestamp | null
  created_at: Timestamp
}

export interface AuditEventsTable {
  id: string
  org_id: string
  at: Timestamp
  action: string
  actor_id: string | null
  actor_name: string | null
  actor_email: string | null
  target_type: string
  target_id: string
  target_label: string
  changes: Json<Record<string, [unknown, unknown]> | null> | null
  request_id: string | null
  /** The import that caused it (migration 0010); null outside one. */
  import_id: string | null
}

export interface IdempotencyKeysTable {
  org_id: string
  key: string
  /** The endpoint's name: a key is only ever replayed on the endpoint it was first used with. */
  endpoint: string
  request_hash: string
  status_code: number
  body: Json<unknown> | null
  created_at: Timestamp
}

export interface OutboxTable {
  id: string
  org_id: string | null
  to_address: string
  locale: string
  kind: string
  subject: string
  text: string
  html: string
  /**
   * The link the message carries (accept, reset), for the demo's outbox page and for tests. Null
   * once a transport delivered the message, whose text and html are then scrubbed too: the link's
   * token opens an account.
   */
  link: string | null
  created_at: Timestamp
  /** When a sender took it (`deliverPending`); a claim older than five minutes is abandoned. */
  claimed_at: Timestamp | null
  sent_at: Timestamp | null
  /** The last failed send's reason; kept once Usher gives up (`failed_at`). */
  error: string | null
  /** Failed sends so far (migration 0008). */
  attempts: Generated<number>
  /** After a failure: not retried before this. */
  next_attempt_at: Timestamp | null
  /** Set when Usher stopped retrying: the message stays unsent, with its last error. */
  failed_at: Timestamp | null
}

/** A reminder or lapse notice of one invitation, recorded once (migration 0008). */
export interface InvitationNoticesTable {
  invitation_id: string
  kind: 'reminder' | 'lapsed'
  /** The expiry the notice was about: a resend's new lifetime gets its own. */
  expires_at: Timestamp
  org_id: string
  /** Who was told: the invitee (reminder), the inviter or an owner (lapsed); null when nobody could be. */
  recipient_id: string | null
  outbox_id: string | null
  created_at: Timestamp
}

export interface ImportsTable {
  id: string
  org_id: string
  status: 'open' | 'completed' | 'cancelled'
  file_name: string
  format: 'csv' | 'json' | 'xlsx'
  options: Json<unknown>
  total_rows: number
  processed_rows: number
  counts: Json<unknown>
  created_by: string | null
  created_at: Timestamp
  completed_at: Timestamp | null
}

export interface ImportChunksTable {
  import_id: string
  idx: number
  results: Json<unknown>
  created_at: Timestamp
}

export interface ImportRowsTable {
  import_id: string
  line: number
  email: string
  status: string
  user_id: string | null
  error: Json<unknown> | null
}

/** One rate limit's counter in its current fixed window (`domain/rate-limit-store.ts`). */
export interface RateLimitsTable {
  /** A hash of the limit's name and subject. */
  key: string
  count: number
  expires_at: Timestamp
}

export interface DirectoryTokensTable {
  id: string
  org_id: string
  name: string
  /** The secret's first characters, to tell tokens apart in the panel. */
  prefix: string
  /** SHA-256 of the bearer token, hex. The token itself is never stored. */
  token_hash: string
  /** What the token opens: `scim` (a directory) or `inbound-email` (a mail pipeline). */
  purpose: Generated<string>
  created_by: string | null
  created_at: Timestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** A message the mail pipeline sent, by its Message-ID: whom it answered, and whether it created them. */
export interface InboundMessagesTable {
  org_id: string
  message_id: string
  user_id: string | null
  created: boolean
  received_at: Timestamp
}

export interface DirectorySettingsTable {
  org_id: string
  /** DirectorySyncSettings, as JSON. */
  settings: Json<unknown>
  updated_at: Timestamp
}

export interface DirectoryUsersTable {
  user_id: string
  org_id: string
  /** The directory's userName, as it sent it. */
  user_name: string
  /** Lowercase userName: unique per organization. */
  user_name_key: string
  /** Enterprise attributes Usher has no column for (employeeNumber, manager). */
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>
  created_at: Timestamp
  /** Set when the directory deleted the person and the organization keeps them, disabled. */
  detached_at: Timestamp | null
}

export interface DirectoryGroupsTable {
  group_id: string
  org_id: string
  external_id: string | null
  created_at: Timestamp
}

export interface DirectoryRequestsTable {
  id: string
  org_id: string
  at: Timestamp
  token_id: string | null
  token_name: string | null
  method: string
  path: string
  operation: string
  subject: string | null
  status: number
  scim_type: string | null
  reason: string | null
}

export interface Database {
  organizations: OrganizationsTable
  users: UsersTable
  accounts: AccountsTable
  groups: GroupsTable
  user_groups: UserGroupsTable
  shares: SharesTable
  invitations: InvitationsTable
  password_resets: PasswordResetsTable
  audit_events: AuditEventsTable
  idempotency_keys: IdempotencyKeysTable
  outbox: OutboxTable
  invitation_notices: InvitationNoticesTable
  imports: ImportsTable
  import_chunks: ImportChunksTable
  import_rows: ImportRowsTable
  rate_limits: RateLimitsTable
  directory_tokens: DirectoryTokensTable
  inbound_messages: InboundMessagesTable
  directory_settings: DirectorySettingsTable
  directory_users: DirectoryUsersTable
  directory_groups: DirectoryGroupsTable
  directory_requests: DirectoryRequestsTable
  access_reviews: AccessReviewsTable
  access_review_items: AccessReviewItemsTable
}

export type OrganizationRow = Selectable<OrganizationsTable>
export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type AccountRow = Selectable<AccountsTable>
export type GroupRow = Selectable<GroupsTable>
export type InvitationRow = Selectable<InvitationsTable>
export type AuditEventRow = Selectable<AuditEventsTable>
export type OutboxRow = Selectable<OutboxTable>
export type ImportRow = Selectable<ImportsTable>
