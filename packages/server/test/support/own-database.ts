import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { UsherServerOptions } from '../../src/index'

/**
 * A database of its own for a test server that has a mail transport. On PGlite every server
 * already has one (in memory); on the PostgreSQL run all test files share `DATABASE_URL`, and a
 * server with a transport delivers — and so scrubs and purges — every unsent message at start-up,
 * other files' included. This creates a throw-away database beside it, dropped by `drop()`.
 */
export async function ownDatabase(): Promise<{
  options: Pick<UsherServerOptions, 'database'>
  drop(): Promise<void>
}> {
  const shared = process.env.DATABASE_URL
  if (!shared) return { options: {}, drop: async () => {} }
  const name = `usher_own_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: shared })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(shared)
  url.pathname = `/${name}`
  return {
    options: { database: { url: url.toString(), poolSize: 4 } },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  }
}
