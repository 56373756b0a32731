/** What the demo's own endpoints answer (`/api/demo/*`); the app imports these types only. */

/** Which of the seeded people an account is, for the account switch. */
export type DemoPersona = 'owner' | 'admin' | 'technician'

export interface DemoAccountSummary {
  userId: string
  persona: DemoPersona
  name: string
  email: string
  /** The role now (someone may have changed it in the demo since the seed). */
  role: string
  enabled: boolean
}

export interface DemoOrganizationSummary {
  id: string
  slug: string
  name: string
  locale: 'en' | 'fr'
  accounts: DemoAccountSummary[]
}

/** `GET /api/demo/accounts` */
export interface DemoAccountsResponse {
  organizations: DemoOrganizationSummary[]
}

/** `POST /api/demo/session` with `{ userId }` */
export interface DemoSessionResponse {
  token: string
  expiresAt: string
  userId: string
  orgId: string
}

export interface OutboxMessage {
  id: string
  orgId: string | null
  kind: string
  locale: string
  to: string
  subject: string
  text: string
  html: string
  link: string | null
  createdAt: string
  sentAt: string | null
}

/** `GET /api/demo/outbox[?orgId=]`: newest first. */
export interface DemoOutboxResponse {
  messages: OutboxMessage[]
}

/** The demo endpoints' errors. */
export interface DemoErrorResponse {
  error: string
}
