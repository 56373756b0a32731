import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerUserRoutes(_app: Hono<UsherEnv>) {}
