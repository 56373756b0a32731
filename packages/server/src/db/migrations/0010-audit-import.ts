import { type Kysely, sql } from 'kysely'

/**
 * The import that caused an event, so the audit log names the file beside the person who ran it.
 * Nullable: events outside an import have none, and the events written before this column stay
 * as they were. Imports are not deleted on their own today, but they go with their organization
 * and a retention purge may come: `on delete set null` keeps the event (the trail outlives the
 * job row) and only loses the file's name. The partial index keeps that set-null from scanning
 * the whole table for each import removed; the list itself joins `imports` on its primary key.
 */
const statements = `
    alter table audit_events add column import_id uuid references imports(id) on delete set null;
    create index audit_events_import on audit_events (import_id) where import_id is not null
`

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: a prepared statement holds one command.
  for (const statement of statements.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index if exists audit_events_import').execute(db)
  await sql.raw('alter table audit_events drop column if exists import_id').execute(db)
}
