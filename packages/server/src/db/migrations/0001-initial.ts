import { type Kysely, sql } from 'kysely'

/**
 * The whole schema. Every table carries `org_id` and every query filters on it first, so each
 * index starts with it. Searches are prefix searches on folded columns (`text_pattern_ops`, so
 * LIKE 'abc%' uses the index whatever the database's collation); sorts are keyset scans over
 * (org_id, sort column, id).
 */
const statements = `
    create table organizations (
      id uuid primary key,
      name text not null,
      slug text not null unique,
      activated_at timestamptz,
      settings jsonb not null,
      created_at timestamptz not null,
      version integer not null default 1
    );

    create table users (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      email text not null,
      salutation text,
      first_name text not null,
      last_name text not null,
      nickname text,
      phone text,
      mobile text,
      job_title text,
      department text,
      description text,
      external_id text,
      locale text not null,
      role text not null,
      enabled boolean not null default true,
      activated_at timestamptz,
      invitation_expires_at timestamptz,
      contact_for text[] not null default '{}',
      primary_contact boolean not null default false,
      assigned_agent_id uuid references users (id) on delete set null,
      must_change_password boolean not null default false,
      source text not null,
      password_hash text,
      session_epoch integer not null default 0,
      created_at timestamptz not null,
      last_active_at timestamptz,
      version integer not null default 1,
      shares_version integer not null default 1,
      sort_name text not null,
      search_first text not null,
      search_last text not null,
      search_full text not null,
      unique (org_id, email)
    );
    create index users_org_name on users (org_id, sort_name, id);
    create index users_org_email on users (org_id, email text_pattern_ops, id);
    create index users_org_created on users (org_id, created_at, id);
    create index users_org_last_active on users (org_id, (coalesce(last_active_at, '-infinity'::timestamptz)), id);
    create index users_org_search_first on users (org_id, search_first text_pattern_ops);
    create index users_org_search_last on users (org_id, search_last text_pattern_ops);
    create index users_org_search_full on users (org_id, search_full text_pattern_ops);
    create index users_org_role on users (org_id, role);
    create unique index users_org_external_id on users (org_id, external_id) where external_id is not null;

    create table groups (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      name text not null,
      description text,
      parent_id uuid references groups (id),
      created_at timestamptz not null,
      version integer not null default 1
    );
    create index groups_org_parent on groups (org_id, parent_id);
    -- Sibling names are unique (case-insensitively): two "Paris" under one parent is a mistake.
    create unique index groups_org_sibling_name on groups
      (org_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

    create table user_groups (
      user_id uuid not null references users (id) on delete cascade,
      group_id uuid not null references groups (id) on delete cascade,
      org_id uuid not null,
      primary key (user_id, group_id)
    );
    create index user_groups_group on user_groups (group_id, user_id);

    create table shares (
      user_id uuid not null references users (id) on delete cascade,
      group_id uuid not null references groups (id) on delete cascade,
      org_id uuid not null,
      permission text not null check (permission in ('view', 'manage')),
      created_at timestamptz not null,
      primary key (user_id, group_id)
    );
    create index shares_group on shares (group_id, user_id);

    create table invitations (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      -- Null once the person is gone: revoking deletes the never-activated account, and the row
      -- stays so that its link answers "revoked" rather than "unknown".
      user_id uuid references users (id) on delete set null,
      token_hash text not null unique,
      status text not null check (status in ('pending', 'accepted', 'revoked')),
      expires_at timestamptz not null,
      invited_by uuid references users (id) on delete set null,
      message text,
      created_at timestamptz not null,
      last_sent_at timestamptz not null,
      send_count integer not null default 1,
      accepted_at timestamptz,
      revoked_at timestamptz
    );
    create index invitations_org_created on invitations (org_id, created_at, id);
    -- One pending invitation per person.
    create unique index invitations_one_pending on invitations (user_id) where status = 'pending';

    create table password_resets (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null
    );
    create index password_resets_user on password_resets (user_id, created_at);

    create table audit_events (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      at timestamptz not null,
      action text not null,
      actor_id uuid,
      actor_name text,
      actor_email text,
      target_type text not null,
      target_id text not null,
      target_label text not null,
      changes jsonb,
      request_id text
    );
    create index audit_org_at on audit_events (org_id, at desc, id desc);
    create index audit_org_target on audit_events (org_id, target_id, at desc);

    create table idempotency_keys (
      org_id uuid not null references organizations (id) on delete cascade,
      key text not null,
      endpoint text not null,
      request_hash text not null,
      status_code integer not null,
      body jsonb,
      created_at timestamptz not null,
      primary key (org_id, key)
    );
    create index idempotency_keys_created on idempotency_keys (created_at);

    create table outbox (
      id uuid primary key,
      org_id uuid references organizations (id) on delete cascade,
      to_address text not null,
      locale text not null,
      kind text not null,
      subject text not null,
      text text not null,
      html text not null,
      link text,
      created_at timestamptz not null,
      -- A sender took the message (deliverPending): others leave it alone until it is sent, or
      -- until the claim is five minutes old (that sender stopped midway).
      claimed_at timestamptz,
      sent_at timestamptz,
      error text
    );
    create index outbox_org_created on outbox (org_id, created_at desc);
    create index outbox_unsent on outbox (created_at) where sent_at is null;
    create index outbox_created on outbox (created_at);

    create table imports (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      status text not null,
      file_name text not null,
      format text not null,
      options jsonb not null,
      total_rows integer not null,
      processed_rows integer not null default 0,
      counts jsonb not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      completed_at timestamptz
    );
    create index imports_org_created on imports (org_id, created_at desc);

    create table import_chunks (
      import_id uuid not null references imports (id) on delete cascade,
      idx integer not null,
      results jsonb not null,
      created_at timestamptz not null,
      primary key (import_id, idx)
    );

    create table import_rows (
      import_id uuid not null references imports (id) on delete cascade,
      line integer not null,
      email text not null,
      status text not null,
      user_id uuid,
      error jsonb,
      primary key (import_id, line)
    );
    create index import_rows_status on import_rows (import_id, status, line);
    -- A chunk looks up its addresses among the lines already imported (duplicates across chunks).
    create index import_rows_email on import_rows (import_id, email);
`

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}
