import { type Kysely, sql } from 'kysely'

/**
 * Directory sync (SCIM 2.0). Only its own tables: the organization's bearer tokens (hashes), its
 * settings, what the directory knows of a person (its userName, its enterprise attributes, whether
 * it detached them) and of a group (its externalId), and the log of the directories' requests.
 */
const statements = `
    create table directory_tokens (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index directory_tokens_org on directory_tokens (org_id, created_at);

    create table directory_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      settings jsonb not null,
      updated_at timestamptz not null
    );

    create table directory_users (
      user_id uuid primary key references users (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      user_name text not null,
      -- userName is compared case-insensitively (RFC 7643: caseExact false): one per organization.
      user_name_key text not null,
      attributes jsonb not null default '{}',
      created_at timestamptz not null,
      detached_at timestamptz
    );
    create unique index directory_users_org_name on directory_users (org_id, user_name_key);

    create table directory_groups (
      group_id uuid primary key references groups (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      external_id text,
      created_at timestamptz not null
    );
    create index directory_groups_org on directory_groups (org_id, created_at);

    create table directory_requests (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      at timestamptz not null,
      token_id uuid,
      token_name text,
      method text not null,
      path text not null,
      operation text not null,
      subject text,
      status integer not null,
      scim_type text,
      reason text
    );
    create index directory_requests_org_at on directory_requests (org_id, at desc, id desc)
`

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}
