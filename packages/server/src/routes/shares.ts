import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerShareRoutes(_app: Hono<UsherEnv>) {}
