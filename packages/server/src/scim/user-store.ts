import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { isUuid } from '../domain/actor'
import type { ScimUserRow } from './user-resource'

/**
 * The people a directory sees: the organization's, less those it deleted and the organization
 * kept (detached). With what the directory knows of each (userName, enterprise attributes).
 */
export function scimUsers(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('directory_users as du', 'du.user_id', 'u.id')
    .where('u.org_id', '=', orgId)
    .where('du.detached_at', 'is', null)
}

/** One person by id (a non-UUID names nobody), locked for the request's write when `lock`. */
export async function findScimUser(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  { lock = false } = {},
): Promise<ScimUserRow | undefined> {
  if (!isUuid(id)) return undefined
  let q = scimUsers(db, orgId).selectAll('u').select(['du.user_name', 'du.attributes']).where('u.id', '=', id)
  if (lock) q = q.forUpdate('u')
  return (await q.executeTakeFirst()) as ScimUserRow | undefined
}
