import { type Kysely, sql } from 'kysely'

/**
 * Incoming email. The organization's tokens serve more than one caller now: each says what it is
 * for (`scim` for a directory, the default of every token issued before; `inbound-email` for a
 * mail pipeline), and a token opens only its own door. Each message handled is kept by its
 * Message-ID, so a message delivered twice answers the same person and creates nobody twice.
 */
const statements = `
    alter table directory_tokens add column purpose text not null default 'scim';
    create index directory_tokens_org_purpose on directory_tokens (org_id, purpose, created_at);

    create table inbound_messages (
      org_id uuid not null references organizations (id) on delete cascade,
      -- The Message-ID as sent, without its angle brackets; compared exactly (RFC 5322).
      message_id text not null,
      user_id uuid references users (id) on delete set null,
      created boolean not null,
      received_at timestamptz not null,
      primary key (org_id, message_id)
    )
`

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}
