import { afterAll, beforeAll } from 'vitest'
import type { UsherServerOptions } from '../../src/index'
import { startTestServer, type TestServer } from './harness'
import { ownDatabase } from './own-database'

/**
 * For a test file of scheduled jobs: a test server on a database of its own (another file's
 * sweep must not see this file's invitations, nor this one theirs), whose runs come from the test
 * (`scheduler.runNow`), never from the tick. Started before the file's tests, closed after;
 * `mailer` defaults to no transport (the outbox is the mailbox the test reads).
 */
export function schedulerServerPerFile(
  mailer: UsherServerOptions['mailer'] = { transport: null },
): () => TestServer {
  let server: TestServer | undefined
  let drop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const own = await ownDatabase()
    drop = own.drop
    server = await startTestServer({
      ...own.options,
      mailer,
      scheduler: { pollSeconds: 0.5, tickSeconds: 3600 },
    })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await drop?.()
  })
  return () => {
    if (!server) throw new Error('The test server did not start (see the beforeAll error).')
    return server
  }
}
