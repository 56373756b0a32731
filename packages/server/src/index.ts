export { createUsherServer, type UsherServer } from './app/create-usher-server'
export type {
  AuthOptions,
  CorsOptions,
  LimitOptions,
  LinkOptions,
  Logger,
  SchedulerSettings,
  UsherServerOptions,
} from './app/options'
export type { CreateOrganizationInput, Provisioning } from './app/provisioning'
export { signHostToken } from './auth/tokens'
export { type DatabaseOptions, openDatabase, type UsherDatabase } from './db/database'
export { migrateToLatest } from './db/migrate'
export type { Database } from './db/schema'
export {
  type DatabaseRateLimitStoreOptions,
  databaseRateLimitStore,
  memoryRateLimitStore,
  type RateLimitCount,
  type RateLimitStore,
} from './domain/rate-limit-store'
export { MAIL_MAX_ATTEMPTS, type MailMessage, type MailTransport, mailRetryDelayMs } from './mail/mailer'
export { smtpTransport } from './mail/smtp-transport'
export { JOBS } from './scheduler/jobs'
export type { EnqueueOptions, JobContext, ScheduledJob, Scheduler } from './scheduler/scheduler'
export {
  DEMO_PASSWORD,
  DEMO_SLUGS,
  type DemoAccount,
  type DemoOrganization,
  type DemoSeedResult,
  type SeedDemoOptions,
  seedDemo,
} from './seed/demo-seed'
