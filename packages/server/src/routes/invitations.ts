import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'

export function registerInvitationRoutes(_app: Hono<UsherEnv>) {}
