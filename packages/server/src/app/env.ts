import type { Actor } from '../domain/actor'
import type { Services } from './services'

/** Hono's per-request variables. */
export interface UsherEnv {
  Variables: {
    services: Services
    requestId: string
    actor: Actor | null
  }
}
