import { type Kysely, sql } from 'kysely'

/**
 * Search by email domain ("durand.example" finds everyone at durand.example): the part after the
 * address's last `@`, as the list's search condition writes it, indexed for LIKE 'prefix%'
 * (`text_pattern_ops`, whatever the database's collation). Without it a domain search reads
 * every person of the organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create index if not exists users_org_email_domain
         on users (org_id, (split_part(email, '@', -1)) text_pattern_ops)`,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index if exists users_org_email_domain').execute(db)
}
