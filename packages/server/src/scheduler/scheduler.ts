import { randomUUID } from 'node:crypto'
import type { PGlite } from '@electric-sql/pglite'
import type { Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { Logger } from '../app/options'
import type { Database } from '../db/schema'
import { bossDatabase } from './boss-database'

/** What a job's `run` receives. */
export interface JobContext<Data = Record<string, unknown>> {
  /** What `enqueue` was given (`{}` for a recurring run). */
  data: Data
  /** The server's clock (`createUsherServer({ clock })`): decide with it, never with `Date.now()`. */
  now: Date
  /** Which attempt this is, from 0. */
  retryCount: number
}

/**
 * A kind of time-driven work. Register it with `scheduler.register(...)` (or list it in the
 * server's built-in jobs): recurring with `everySeconds`, or one-off through `enqueue`.
 * @example
 * scheduler.register({
 *   name: 'usher.review-reminders',
 *   everySeconds: 3600,
 *   run: async ({ now }) => remindReviewers(db, now),
 * })
 */
export interface ScheduledJob<Data = Record<string, unknown>> {
  /** Unique among jobs; letters, digits, `.`, `-` and `_` (`usher.mail`). */
  name: string
  /**
   * Run every this many seconds, once per period across every instance on the database (the
   * instances' ticks race for one slot; the others find it taken). Omit for a job that runs only
   * when enqueued. The run must be idempotent: a period may also be run by hand (`runNow`).
   */
  everySeconds?: number
  /** Throw to have the run retried (`retryLimit` times, waiting `retryDelaySeconds`, doubling). */
  run(context: JobContext<Data>): Promise<void>
  /** @default 3 */
  retryLimit?: number
  /** @default 30 */
  retryDelaySeconds?: number
  /** A run still going after this long is taken as dead and retried. @default 900 */
  expireInSeconds?: number
}

export interface EnqueueOptions {
  /**
   * Queued once: while a job of this name and key waits (or runs), enqueuing it again is a no-op
   * that resolves to null.
   */
  key?: string
  /** Not run before this moment (the database's clock). */
  startAfter?: Date
}

/** Usher's job engine: pg-boss on the server's database (PostgreSQL or PGlite). */
export interface Scheduler {
  /**
   * Resolves once the engine runs on this instance; rejects with the reason it could not start
   * (the API keeps serving meanwhile). For a host's health check.
   */
  readonly started: Promise<void>
  /** Adds a job kind; its recurring runs start at the next tick. */
  register<Data extends Record<string, unknown>>(job: ScheduledJob<Data>): Promise<void>
  /** Queues one run of a registered job; resolves to its id, or null when `key` is already queued. */
  enqueue(name: string, data?: Record<string, unknown>, options?: EnqueueOptions): Promise<string | null>
  /**
   * Queues one run now and resolves once an instance finished it (rejects with its error, or
   * after `timeoutMs`). For tests that move the clock, and for a host's "run it now" button.
   */
  runNow(name: string, data?: Record<string, unknown>, timeoutMs?: number): Promise<void>
  /** Stops ticking and polling; waits for runs in progress. Idempotent. */
  stop(): Promise<void>
}

export interface SchedulerOptions {
  db: Kysely<Database>
  /** The embedded database, when it is PGlite. */
  pglite?: PGlite
  now: () => Date
  logger: Logger
  /** How often an idle worker asks for work, in seconds (pg-boss's floor is 0.5). @default 2 */
  pollSeconds?: number
  /** How often this instance offers the recurring jobs their next period, in seconds. @default 15 */
  tickSeconds?: number
  /** A recurring job's period by name, in seconds, instead of its own `everySeconds`. */
  periods?: Readonly<Record<string, number>>
}

/**
 * Starts pg-boss on the server's database (it creates its `pgboss` schema the first time, under
 * its own lock) and a tick that offers each recurring job its current period. Resolves once the
 * engine runs; `stop()` ends it.
 */
export async function startScheduler(
  options: SchedulerOptions,
  jobs: readonly ScheduledJob<never>[] = [],
): Promise<Scheduler> {
  const { logger, now } = options
  const pollingIntervalSeconds = Math.max(0.5, options.pollSeconds ?? 2)
  const boss = new PgBoss({
    db: bossDatabase(options.db, options.pglite),
    // Time-driven work is Usher's own tick (below), not pg-boss's cron, whose floor is a minute.
    schedule: false,
    supervise: true,
  })
  boss.on('error', (error) => logger.warn('scheduler error', { error: String(error) }))
  await boss.start()

  const registered = new Map<string, ScheduledJob<never>>()
  let stopped = false
  let ticking = false

  const tick = async () => {
    if (ticking || stopped) return
    ticking = true
    try {
      for (const job of registered.values()) {
        if (!job.everySeconds || stopped) continue
        // One job per period and name across every instance: pg-boss's singleton slot is unique.
        await boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: job.everySeconds })
      }
    } catch (error) {
      logger.warn('scheduler tick failed', { error: String(error) })
    } finally {
      ticking = false
    }
  }
  const timer = setInterval(() => void tick(), Math.max(0.2, options.tickSeconds ?? 15) * 1000)
  timer.unref()

  const scheduler: Scheduler = {
    started: Promise.resolve(),
    async register(job) {
      if (registered.has(job.name)) throw new Error(`A job named ${job.name} is already registered.`)
      const period = options.periods?.[job.name]
      registered.set(job.name, (period ? { ...job, everySeconds: period } : job) as ScheduledJob<never>)
      await boss.createQueue(job.name, {
        name: job.name,
        // One waiting and one running job per key: a key is queued once.
        policy: 'stately',
        retryLimit: job.retryLimit ?? 3,
        retryDelay: job.retryDelaySeconds ?? 30,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds ?? 900,
      })
      await boss.work<Record<string, unknown>>(
        job.name,
        { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 },
        async ([run]) => {
          if (!run) return
          try {
            await (job as ScheduledJob<Record<string, unknown>>).run({
              data: run.data,
              now: now(),
              retryCount: run.retryCount,
            })
          } catch (error) {
            // Kept by pg-boss on the job (state retry, then failed); said here as it happens.
            logger.warn('scheduled job failed', {
              job: job.name,
              attempt: run.retryCount + 1,
              error: String(error),
            })
            throw error
          }
        },
      )
      void tick()
    },
    enqueue(name, data = {}, enqueueOptions = {}) {
      return boss.send(name, data, {
        ...(enqueueOptions.key ? { singletonKey: enqueueOptions.key } : {}),
        ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}),
      })
    },
    async runNow(name, data = {}, timeoutMs = 30_000) {
      const id = await boss.send(name, data, { singletonKey: `run-now:${randomUUID()}`, retryLimit: 0 })
      if (!id) throw new Error(`${name} could not be queued.`)
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const job = await boss.getJobById<unknown>(name, id, { includeArchive: true })
        if (job?.state === 'completed') return
        if (job?.state === 'failed' || job?.state === 'cancelled') {
          const output = job.output as { message?: string } | null
          throw new Error(`${name} failed: ${output?.message ?? job.state}`)
        }
        if (Date.now() > deadline) throw new Error(`${name} did not finish within ${timeoutMs} ms.`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 })
    },
  }
  for (const job of jobs) await scheduler.register(job)
  return scheduler
}
