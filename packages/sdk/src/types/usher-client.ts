import type {
  AcceptInvitationInput,
  AcceptInvitationResult,
  AccessReview,
  AccessReviewExportQuery,
  AccessReviewItem,
  AccessReviewReminder,
  ActivateOrganizationInput,
  AuditEvent,
  BulkResult,
  BulkSharesRequest,
  BulkSharesResult,
  BulkUsersRequest,
  ChangePasswordInput,
  CountUsersQuery,
  CreateDirectoryTokenInput,
  CreateGroupInput,
  CreateImportInput,
  CreateInvitationsInput,
  CreateInvitationsResult,
  CreateUserInput,
  CurrentAccessReview,
  DecideAccessReviewInput,
  DirectoryRequest,
  DirectorySync,
  DirectorySyncSettings,
  DirectoryToken,
  DirectoryTokenCreated,
  ExportUsersQuery,
  Group,
  GroupShare,
  Import,
  ImportChunkInput,
  ImportChunkResult,
  ImportReportQuery,
  ImportRowResult,
  InboundEmailResult,
  Invitation,
  InvitationLookup,
  ListAccessReviewItemsQuery,
  ListAuditQuery,
  ListDirectoryRequestsQuery,
  ListGroupSharesQuery,
  ListGroupsQuery,
  ListInvitationsQuery,
  ListUsersQuery,
  LoginInput,
  LoginResult,
  MailProblemList,
  Me,
  Membership,
  Organization,
  Page,
  PasswordResetConfirmInput,
  PasswordResetLookup,
  PasswordResetRequestInput,
  ReceiveInboundEmailInput,
  ReplaceSharesInput,
  RoleList,
  SetUserPasswordInput,
  SwitchOrganizationInput,
  UpdateDirectorySyncSettingsInput,
  UpdateGroupInput,
  UpdateOrganizationInput,
  UpdateUserInput,
  User,
  UserCount,
  UserShares,
} from '@usher/contract'
import type { CreateOptions, RequestOptions, UpdateOptions } from './options'

/** A file the API answered: what to save it as, its media type and its bytes. */
export interface UsherFile {
  /** From `Content-Disposition`: e.g. `acme-members-2026-12-01.csv`. */
  fileName: string
  contentType: string
  blob: Blob
}

/** A paginated resource: one page, or every item across pages. */
export interface Paginated<Query, Item> {
  /** One page. Pass `nextCursor` back as `cursor` for the next. */
  list(query?: Query, options?: RequestOptions): Promise<Page<Item>>
  /**
   * Every item, page after page, fetched as you iterate.
   * @example for await (const user of client.users.listAll({ status: ['invited'] })) console.log(user.email)
   */
  listAll(query?: Omit<Query, 'cursor'>, options?: RequestOptions): AsyncIterable<Item>
}

/**
 * What the React components need from a backend. `createUsherClient()` implements it over HTTP
 * against the Usher API; a host whose users live in its own backend implements it over its own API
 * and hands that to `<UsherProvider client={...}>`. Errors should be Usher errors (`UsherApiError`
 * with a contract code) so the components can show the right message.
 */
export interface UsherClient {
  me: {
    get(options?: RequestOptions): Promise<Me>
    /**
     * The organizations the caller's account can open (one address and password for all of them).
     * A host backend whose people belong to one organization may leave it out.
     * @example const orgs = await client.me.memberships?.()
     */
    memberships?(options?: RequestOptions): Promise<Membership[]>
  }
  organization: {
    /** Name the team to activate it: its users can be managed only once it is active. */
    activate(input: ActivateOrganizationInput, options?: RequestOptions): Promise<Organization>
    update(input: UpdateOrganizationInput, options: UpdateOptions): Promise<Organization>
    /**
     * The organization's messages that could not be delivered: still retried, or given up with
     * the mail relay's reason (the owner's "mail problems" notice). Optional for a host's own
     * client: without it the notice is not shown.
     * @example const problems = await client.organization.mailProblems?.()
     */
    mailProblems?(options?: RequestOptions): Promise<MailProblemList>
  }
  users: Paginated<ListUsersQuery, User> & {
    /**
     * How many people the list's search and filters match (within the caller's scope): exact, or
     * the database's estimate with `exact: false` when very many match.
     * @example const { count, exact } = await client.users.count({ q: 'durand.example' })
     */
    count(query?: CountUsersQuery, options?: RequestOptions): Promise<UserCount>
    /**
     * Create a person directly: active at once with an initial `password`, or invited without one.
     */
    create(input: CreateUserInput, options?: CreateOptions): Promise<User>
    get(id: string, options?: RequestOptions): Promise<User>
    update(id: string, patch: UpdateUserInput, options: UpdateOptions): Promise<User>
    /** An administrator sets the password; by default it must be changed at the next sign-in. */
    setPassword(id: string, input: SetUserPasswordInput, options?: RequestOptions): Promise<void>
    delete(id: string, options?: RequestOptions): Promise<void>
    /** One action on many users; one result per user, failures included. */
    bulk(request: BulkUsersRequest, options?: CreateOptions): Promise<BulkResult>
  }
  invitations: Paginated<ListInvitationsQuery, Invitation> & {
    /** Invite 1..1000 people; one result per row: a failing row does not stop the others. */
    create(request: CreateInvitationsInput, options?: CreateOptions): Promise<CreateInvitationsResult>
    /**
     * The verdict `create` would give each row, with nothing written or sent: `valid` rows say
     * whether the address already has an account (the person then joins without registering
     * again). The invite form asks it as rows are completed; a backend without it shows no note.
     */
    check(
      request: Omit<CreateInvitationsInput, 'dryRun' | 'sendEmail'>,
      options?: RequestOptions,
    ): Promise<CreateInvitationsResult>
    /** New token (the old link dies) and new expiry. */
    resend(id: string, options?: RequestOptions): Promise<Invitation>
    revoke(id: string, options?: RequestOptions): Promise<void>
    /** Public: what an invitation link is for. */
    lookup(token: string, options?: RequestOptions): Promise<InvitationLookup>
    /** Public: accept with name, password, consent and terms. */
    accept(input: AcceptInvitationInput, options?: RequestOptions): Promise<AcceptInvitationResult>
  }
  groups: Paginated<ListGroupsQuery, Group> & {
    create(input: CreateGroupInput, options?: CreateOptions): Promise<Group>
    update(id: string, patch: UpdateGroupInput, options: UpdateOptions): Promise<Group>
    delete(id: string, options?: RequestOptions): Promise<void>
    /** Who a group is shared with, and with which permission. */
    shares: {
      list(groupId: string, query?: ListGroupSharesQuery, options?: RequestOptions): Promise<Page<GroupShare>>
      listAll(
        groupId: string,
        query?: Omit<ListGroupSharesQuery, 'cursor'>,
        options?: RequestOptions,
      ): AsyncIterable<GroupShare>
    }
  }
  shares: {
    /** One user's shared groups and the version to send back when replacing them. */
    get(userId: string, options?: RequestOptions): Promise<UserShares>
    replace(userId: string, input: ReplaceSharesInput, options: UpdateOptions): Promise<UserShares>
    /** Share or unshare many (or `'all'`) groups with many users. */
    bulk(request: BulkSharesRequest, options?: CreateOptions): Promise<BulkSharesResult>
  }
  roles: {
    list(options?: RequestOptions): Promise<RoleList>
  }
  imports: {
    create(input: CreateImportInput, options?: CreateOptions): Promise<Import>
    /** Send a chunk; resending a chunk index answers its first results and creates nothing twice. */
    addChunk(importId: string, chunk: ImportChunkInput, options?: RequestOptions): Promise<ImportChunkResult>
    complete(importId: string, options?: RequestOptions): Promise<Import>
    get(importId: string, options?: RequestOptions): Promise<Import>
    cancel(importId: string, options?: RequestOptions): Promise<Import>
    report: {
      list(
        importId: string,
        query?: ImportReportQuery,
        options?: RequestOptions,
      ): Promise<Page<ImportRowResult>>
      listAll(
        importId: string,
        query?: Omit<ImportReportQuery, 'cursor'>,
        options?: RequestOptions,
      ): AsyncIterable<ImportRowResult>
    }
  }
  audit: Paginated<ListAuditQuery, AuditEvent>
  /**
   * Access reviews: the owner starts one, each administrator confirms or removes the roles and
   * shared groups within their scope. A host backend without them leaves it out (the screen then
   * says so).
   * @example
   * const review = await client.accessReviews.start()
   * await client.accessReviews.decide(review.id, { decisions: [{ itemId, decision: 'confirm' }] })
   */
  accessReviews?: {
    /** Starts a review (the owner); `conflict` while another is open. */
    start(options?: RequestOptions): Promise<AccessReview>
    /** The open review, else the last closed one, else `{ review: null }`. */
    current(options?: RequestOptions): Promise<CurrentAccessReview>
    /** The lines within the caller's scope, by person. */
    items: {
      list(
        reviewId: string,
        query?: ListAccessReviewItemsQuery,
        options?: RequestOptions,
      ): Promise<Page<AccessReviewItem>>
      listAll(
        reviewId: string,
        query?: Omit<ListAccessReviewItemsQuery, 'cursor'>,
        options?: RequestOptions,
      ): AsyncIterable<AccessReviewItem>
    }
    /** Confirm or remove lines; one result per line. Removing disables the account or stops the share. */
    decide(reviewId: string, input: DecideAccessReviewInput, options?: RequestOptions): Promise<BulkResult>
    /** Reminds the reviewers who have lines left (at most once an hour). */
    remind(reviewId: string, options?: RequestOptions): Promise<AccessReviewReminder>
    /** Closes the review; the outcome goes to the audit log. */
    close(reviewId: string, options?: RequestOptions): Promise<AccessReview>
    /** The outcome as a CSV file. */
    export(reviewId: string, query?: AccessReviewExportQuery, options?: RequestOptions): Promise<UsherFile>
  }
  /**
   * Directory sync (SCIM 2.0 provisioning from Microsoft Entra ID or Okta), for the owner; a host
   * backend without it leaves it out (the panel then says so).
   * @example
   * const { secret } = await client.directorySync.createToken({ name: 'Entra ID' })
   */
  directorySync?: {
    /** The SCIM path, the settings and the live tokens. */
    get(options?: RequestOptions): Promise<DirectorySync>
    updateSettings(
      patch: UpdateDirectorySyncSettingsInput,
      options?: RequestOptions,
    ): Promise<DirectorySyncSettings>
    /** A new bearer token; `secret` is answered this once (only its hash is kept). */
    createToken(input: CreateDirectoryTokenInput, options?: RequestOptions): Promise<DirectoryTokenCreated>
    /** The token's next request answers 401. */
    revokeToken(id: string, options?: RequestOptions): Promise<void>
    /** The directories' last requests, newest first, refusals with their reason. */
    requests: Paginated<ListDirectoryRequestsQuery, DirectoryRequest>
  }
  /**
   * Incoming email: the tokens of the organization's mail pipeline (for the owner), and `receive`,
   * which the pipeline calls for each message to learn who wrote it (the person found, or created
   * when the organization's settings ask). A host backend without it leaves it out.
   * @example
   * // The owner creates a token; `secret` is answered this once.
   * const { secret } = await client.inboundEmail.createToken({ name: 'Helpdesk mailbox' })
   * // The pipeline's own client sends that token with each message.
   * const pipeline = createUsherClient({ baseUrl, token: secret })
   * const { outcome, person } = await pipeline.inboundEmail.receive(rawMessage)
   */
  inboundEmail?: {
    /** The live tokens, their names, when they were created and last used (never the secrets). */
    listTokens(options?: RequestOptions): Promise<DirectoryToken[]>
    /** A new token for a mail pipeline; `secret` is answered this once (only its hash is kept). */
    createToken(input: CreateDirectoryTokenInput, options?: RequestOptions): Promise<DirectoryTokenCreated>
    /** The token's next message answers 401. */
    revokeToken(id: string, options?: RequestOptions): Promise<void>
    /**
     * Who wrote a message: the whole message as text (headers and body, as `message/rfc822`), or
     * its sender fields. Called with a client whose `token` is a pipeline token, not a person's.
     * A message seen before (same `Message-ID`) gets its first answer again and writes nothing.
     * @example
     * await pipeline.inboundEmail.receive({ from: { address: 'marie@client-nord.fr', name: 'Marie Curie' } })
     */
    receive(message: string | ReceiveInboundEmailInput, options?: RequestOptions): Promise<InboundEmailResult>
  }
  /** Files of the data; a host backend without exports leaves it out (the export buttons hide). */
  exports?: {
    /**
     * The members list as a CSV file: the same search, filters and sort as `users.list` (or the
     * people named in `id`), every page, in the caller's scope. Headers and values come in
     * `locale`; `delimiter: ';'` suits spreadsheets set to French.
     * @example
     * const file = await client.exports.users({ status: ['active'], locale: 'fr', delimiter: ';' })
     * saveAs(file.blob, file.fileName)
     */
    users(query?: ExportUsersQuery, options?: RequestOptions): Promise<UsherFile>
  }
  auth: {
    login(input: LoginInput, options?: RequestOptions): Promise<LoginResult>
    /** Always resolves (the server does not tell whether the address exists). */
    requestPasswordReset(input: PasswordResetRequestInput, options?: RequestOptions): Promise<void>
    /** What a reset link is for (account, organization, policy); `reset_token_invalid` when unusable. */
    lookupPasswordReset(token: string, options?: RequestOptions): Promise<PasswordResetLookup>
    confirmPasswordReset(input: PasswordResetConfirmInput, options?: RequestOptions): Promise<LoginResult>
    changePassword(input: ChangePasswordInput, options?: RequestOptions): Promise<LoginResult>
    /**
     * A built-in session for another organization of the signed-in account (its slug, from
     * `memberships`), without the password again. Use the answer's token from then on. Left out
     * by a host backend that signs its users in itself.
     * @example const next = await client.auth.switchOrganization?.({ organization: 'atelier-durand' })
     */
    switchOrganization?(input: SwitchOrganizationInput, options?: RequestOptions): Promise<LoginResult>
  }
}
