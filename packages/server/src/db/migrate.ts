import { type Kysely, type Migration, Migrator } from 'kysely'
import * as initial from './migrations/0001-initial'
import * as sharedLimits from './migrations/0002-shared-limits'
import * as directorySync from './migrations/0003-directory-sync'
import * as userSearch from './migrations/0005-user-search'
import * as accounts from './migrations/0006-accounts'
import * as inboundEmail from './migrations/0007-inbound-email'
import * as scheduler from './migrations/0008-scheduler'
import * as accessReview from './migrations/0009-access-review'
import * as auditImport from './migrations/0010-audit-import'
import type { Database } from './schema'

/**
 * Migrations are code, listed here in order, so the built package carries them (no folder to
 * find at run time). Kysely's migrator takes a lock: servers starting together migrate once.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0003-directory-sync': directorySync,
  '0002-shared-limits': sharedLimits,
  '0005-user-search': userSearch,
  '0008-scheduler': scheduler,
  '0007-inbound-email': inboundEmail,
  '0009-access-review': accessReview,
  '0006-accounts': accounts,
  '0010-audit-import': auditImport,
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'usher_migrations',
    migrationLockTableName: 'usher_migrations_lock',
    // Features add their own migrations side by side; each one touches only its own tables, so a
    // database that already ran a later-numbered one may still take an earlier one it lacks.
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
