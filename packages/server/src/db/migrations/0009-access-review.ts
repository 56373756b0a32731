import { type Kysely, sql } from 'kysely'

/**
 * Access reviews: one row per review, one line per person's role and per group shared with them,
 * as they stood when the owner started it. The partial unique index keeps one review open per
 * organization even when two owners start one at the same instant.
 */
const statements = `
    create table access_reviews (
      id uuid primary key,
      org_id uuid not null references organizations(id) on delete cascade,
      status text not null default 'open',
      started_by uuid references users(id) on delete set null,
      started_at timestamptz not null,
      closed_by uuid references users(id) on delete set null,
      closed_at timestamptz,
      reminded_at timestamptz
    );
    create unique index access_reviews_one_open on access_reviews (org_id) where status = 'open';
    create index access_reviews_org_started on access_reviews (org_id, started_at desc);

    create table access_review_items (
      id uuid primary key,
      review_id uuid not null references access_reviews(id) on delete cascade,
      org_id uuid not null,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      role text not null,
      group_id uuid references groups(id) on delete cascade,
      group_name text,
      permission text,
      user_name text not null,
      user_email text not null,
      sort_name text not null,
      decision text not null default 'pending',
      decided_by uuid references users(id) on delete set null,
      decided_by_name text,
      decided_at timestamptz
    );
    create index access_review_items_review on access_review_items (review_id, sort_name, id);
    create index access_review_items_user on access_review_items (user_id);
`

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: a prepared statement holds one command.
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists access_review_items').execute(db)
  await sql.raw('drop table if exists access_reviews').execute(db)
}
