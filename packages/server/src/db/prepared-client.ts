import pg from 'pg'

/**
 * How many statements one connection keeps prepared. The server's reads have a few dozen shapes
 * (Kysely passes every value as a parameter and lists as one array parameter), so the cap is a
 * guard against a caller that builds SQL with a varying shape, not a working limit.
 */
const MAX_PREPARED_PER_CONNECTION = 256
/** Statements longer than this are rare shapes (bulk inserts): planning them once each is fine. */
const MAX_PREPARED_LENGTH = 16_384
/** Only reads: a write's shape often varies with its row count, and writes are the rarer calls. */
const READ = /^\s*(select|with)\b/i

let generation = 0

/**
 * A node-postgres client that runs the server's reads as named prepared statements, so that
 * PostgreSQL parses and plans each shape once per connection instead of on every request. On
 * `GET /users` parsing and planning were about two thirds of the database's time per request (three
 * statements of which each took 0.3–0.5 ms to parse and bind, for 0.06–0.4 ms of execution).
 *
 * Statements are keyed by their text; values still travel as parameters. A statement whose result
 * type changed under it (a migration on another instance added a column to `select *`) fails once
 * with 0A000, "cached plan must not change result type": the connection then forgets that name, and
 * the next call prepares it again. Turn the whole thing off with `database.preparedStatements: false`
 * behind a pooler that does not keep prepared statements per client (PgBouncer before 1.21 in
 * transaction mode).
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>()

  // node-postgres's `query` has many overloads; this one sees them all and only rewrites the plain
  // `(text, values)` call that Kysely makes.
  // biome-ignore lint/suspicious/noExplicitAny: forwarding every overload of pg.Client#query
  override query(config: any, values?: any, callback?: any): any {
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      callback !== undefined ||
      config.length > MAX_PREPARED_LENGTH ||
      // A script of several commands (the job engine's) cannot be one prepared statement.
      config.includes(';') ||
      !READ.test(config)
    ) {
      return super.query(config, values, callback)
    }
    let name = this.#names.get(config)
    if (name === undefined) {
      if (this.#names.size >= MAX_PREPARED_PER_CONNECTION) return super.query(config, values)
      name = `usher_${(generation++).toString(36)}`
      this.#names.set(config, name)
    }
    const result = super.query({ name, text: config, values }) as Promise<pg.QueryResult>
    return result.catch((error: { code?: string }) => {
      if (error?.code === '0A000') this.#names.delete(config)
      throw error
    })
  }
}
