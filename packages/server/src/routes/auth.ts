import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerAuthRoutes(_app: Hono<UsherEnv>) {}
