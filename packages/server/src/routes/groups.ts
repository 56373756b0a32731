import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerGroupRoutes(_app: Hono<UsherEnv>) {}
