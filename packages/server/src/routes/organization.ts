import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerOrganizationRoutes(_app: Hono<UsherEnv>) {}
