import { type Kysely, sql } from 'kysely'

/**
 * Time-driven work. The job engine (pg-boss) keeps its own tables in the `pgboss` schema and
 * creates them itself when the scheduler starts; this migration holds what Usher decides:
 *
 * - `outbox` learns retries: how many sends failed, when the next one may run, and when Usher
 *   gave up (the last error is kept in `error`, for the owner's "mail problems" notice).
 * - `invitation_notices` records each reminder and lapse notice once: its primary key is what
 *   makes two instances sweeping at the same moment send one mail, not two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table outbox
         add column if not exists attempts integer not null default 0,
         add column if not exists next_attempt_at timestamptz,
         add column if not exists failed_at timestamptz`,
    )
    .execute(db)
  // The owner's notice lists an organization's undelivered messages that failed at least once.
  await sql
    .raw(
      `create index if not exists outbox_org_problems on outbox (org_id, created_at desc)
         where sent_at is null and attempts > 0`,
    )
    .execute(db)
  await sql
    .raw(
      `create table if not exists invitation_notices (
         invitation_id uuid not null references invitations (id) on delete cascade,
         kind text not null check (kind in ('reminder', 'lapsed')),
         -- A resend gives the invitation a new expiry: that lifetime has its own reminder and notice.
         expires_at timestamptz not null,
         org_id uuid not null references organizations (id) on delete cascade,
         recipient_id uuid,
         outbox_id uuid,
         created_at timestamptz not null,
         primary key (invitation_id, kind, expires_at)
       )`,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists invitation_notices').execute(db)
  await sql.raw('drop index if exists outbox_org_problems').execute(db)
  await sql
    .raw(
      'alter table outbox drop column if exists attempts, drop column if exists next_attempt_at, drop column if exists failed_at',
    )
    .execute(db)
}
