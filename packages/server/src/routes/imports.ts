import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerImportRoutes(_app: Hono<UsherEnv>) {}
