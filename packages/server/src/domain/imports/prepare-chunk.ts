import type { Kysely } from 'kysely'
import { hashPassword, type PasswordProblem, passwordProblems } from '../../auth/passwords'
import type { Database } from '../../db/schema'
import type { Actor } from '../actor'
import { addressRefusal, type CandidatePaths } from '../admission'
import type { ChunkRow, ImportOptions } from './jobs'

/** An import row's fields are its own paths: `email`, `role`, its one `groupId`. */
export const IMPORT_ROW_PATHS: CandidatePaths = {
  at: (field) => field,
  group: () => 'groupId',
  groups: 'groupId',
}

/** Password checks and hashes done before the chunk's transaction opens (argon2id is slow). */
export interface PreparedChunk {
  problems: Map<number, PasswordProblem[]>
  hashes: Map<number, string>
}

/** How many hashes run at once: libuv's default thread pool has four threads. */
const HASH_CONCURRENCY = 4

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** Whom a row's password must not spell: the contract's estimator inputs come from this. */
export const passwordContext = (row: ChunkRow) => ({
  email: row.email,
  names: [row.firstName, row.lastName].filter(Boolean),
})

/**
 * Checks the chunk's passwords against the policy and hashes those likely to create an account
 * (not an address already taken or refused), outside any transaction so the chunk's lock is held
 * briefly. A row this guess misses is hashed inside the transaction; a hash wasted costs only time.
 */
export async function prepareChunk(
  db: Kysely<Database>,
  actor: Actor,
  options: ImportOptions,
  rows: readonly ChunkRow[],
): Promise<PreparedChunk> {
  const problems = new Map<number, PasswordProblem[]>()
  const hashes = new Map<number, string>()
  const withPassword = rows.filter((r) => r.password !== undefined)
  if (withPassword.length === 0) return { problems, hashes }
  const policy = actor.settings.passwordPolicy
  for (const row of withPassword) {
    problems.set(row.line, passwordProblems(row.password as string, policy, passwordContext(row)))
  }
  if (options.dryRun) return { problems, hashes }
  const taken = await db
    .selectFrom('users')
    .select('email')
    .where('org_id', '=', actor.org.id)
    .where('email', 'in', [...new Set(withPassword.map((r) => r.email))])
    .execute()
  const takenEmails = new Set(taken.map((t) => t.email))
  const seen = new Set<string>()
  const toHash = withPassword.filter((row) => {
    const fresh = !seen.has(row.email) && !takenEmails.has(row.email)
    seen.add(row.email)
    return (
      fresh &&
      problems.get(row.line)?.length === 0 &&
      addressRefusal(actor, row.email, IMPORT_ROW_PATHS) === null
    )
  })
  const hashed = await mapLimit(toHash, HASH_CONCURRENCY, (row) => hashPassword(row.password as string))
  toHash.forEach((row, i) => {
    hashes.set(row.line, hashed[i] as string)
  })
  return { problems, hashes }
}
