import { createRoleCatalog, type RoleCatalog } from '@usher/contract'
import { HOST_ROLES } from '@usher/fixtures'

/**
 * The roles of the story organization: the built-in ones and the host role the demo declares
 * (operator), so role pickers, badges and seat counts show a host-defined role as well.
 */
export const STORY_ROLES: RoleCatalog = createRoleCatalog(HOST_ROLES)

/** The viewer a story is seen as: the toolbar's "Viewer" switch, sent as the bearer token. */
export type Viewer = 'owner' | 'admin' | 'operator' | 'technician'
export const VIEWERS: readonly Viewer[] = ['owner', 'admin', 'operator', 'technician']

/** The fault switches of a scenario: roughly one per endpoint family the components call. */
export type MockEndpoint =
  | 'me'
  | 'organization'
  | 'users'
  | 'groups'
  | 'roles'
  | 'shares'
  | 'invitations'
  | 'updateUser'
  | 'bulkUsers'
  | 'bulkShares'
  | 'auth'
  | 'imports'
  | 'importChunks'

/** What a story asks of the in-memory API (`parameters.usher`). */
export interface MockScenario {
  /** People besides the three named viewers. @default 40 */
  userCount?: number
  /** Seats of the plan: a number, `'full'` (exactly the seats used) or null (unlimited). */
  seats?: number | 'full' | null
  /** No one but the viewer, no groups shared: the empty states. */
  empty?: boolean
  /** Adds people with very long names and addresses at the top of the list. */
  longNames?: boolean
  /** The team is not activated yet: activating it is the first thing to do. */
  notActivated?: boolean
  /**
   * `GET /users/count` answers as for a very large organization: an estimate (`exact: false`)
   * rounded to two significant digits, at least the true count. @default false (exact)
   */
  estimatedCounts?: boolean
  /** The mail pipeline already has a token (used the day before). @default false (none yet) */
  inboundEmailTokens?: boolean
  /**
   * Failures injected per endpoint: `error` answers 500, `loading` never answers, `rows` makes
   * the row-level answers of batch endpoints fail for every other row (a server error per row).
   */
  faults?: Partial<Record<MockEndpoint, 'error' | 'loading' | 'rows'>>
}
