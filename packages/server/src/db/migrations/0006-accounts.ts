import { type Kysely, sql } from 'kysely'

/**
 * Accounts apart from memberships. A person signs in with one address and one password whatever
 * the number of organizations they belong to; each `users` row stays their membership of one
 * organization (role, status, groups, that organization's profile), and its id keeps naming them
 * there, so groups, shares, invitations, audit and directory sync are untouched.
 *
 * Today's data: one account per distinct address (addresses are stored normalised, so equal
 * text is the same address). Where an address holds several passwords — one per organization,
 * as before — the account keeps the one used last; the other organizations' passwords are
 * dropped, since a person has one password from now on.
 */
const UP = `
      create table accounts (
        id uuid primary key,
        email text not null unique,
        password_hash text,
        session_epoch integer not null default 0,
        first_name text not null,
        last_name text not null,
        locale text not null,
        created_at timestamptz not null
      );

      insert into accounts (id, email, password_hash, first_name, last_name, locale, created_at)
      select distinct on (email) gen_random_uuid(), email, password_hash, first_name, last_name, locale, created_at
        from users
       order by email, (password_hash is null), last_active_at desc nulls last, created_at desc;

      alter table users add column account_id uuid references accounts (id);
      update users u set account_id = a.id from accounts a where a.email = u.email;
      create index users_account on users (account_id, org_id);

      alter table users drop column password_hash;
      alter table users drop column session_epoch;
`

const DOWN = `
      alter table users add column password_hash text;
      alter table users add column session_epoch integer not null default 0;
      update users u set password_hash = a.password_hash, session_epoch = a.session_epoch
        from accounts a where a.id = u.account_id;
      drop index if exists users_account;
      alter table users drop column account_id;
      drop table accounts;
`

// One statement per query: PGlite's extended protocol takes a single statement at a time.
async function run(db: Kysely<unknown>, statements: string) {
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await run(db, UP)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await run(db, DOWN)
}
