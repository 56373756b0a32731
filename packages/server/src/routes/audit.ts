import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerAuditRoutes(_app: Hono<UsherEnv>) {}
