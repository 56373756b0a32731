import type { DirectoryToken, DirectoryTokenCreated } from '@usher/contract'
import { seededUuid } from '@usher/fixtures'
import { MockApiError } from './errors'
import type { MockDb } from './mock-db'
import type { MockScenario } from './scenario'

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** The mail pipeline's tokens a story starts with: one, used the day before, when it asks. */
export function storyInboundEmailTokens(scenario: MockScenario): DirectoryToken[] {
  return scenario.inboundEmailTokens
    ? [
        {
          id: '5e3b8f10-0000-4000-8000-000000000001',
          name: 'Helpdesk mailbox',
          prefix: 'usher_mail_Q7kd',
          createdAt: '2026-11-18T10:05:00.000Z',
          lastUsedAt: '2026-12-01T07:58:00.000Z',
        },
      ]
    : []
}

/** A new token, its secret answered this once (as the server: 256 bits, `usher_mail_` and base64url). */
export function createInboundEmailToken(db: MockDb, name: string): DirectoryTokenCreated {
  const secret = `usher_mail_${Array.from(
    { length: 43 },
    () => SECRET_ALPHABET[Math.floor(db.random() * 64)],
  ).join('')}`
  const token: DirectoryToken = {
    id: seededUuid(db.random),
    name,
    prefix: secret.slice(0, 15),
    createdAt: db.now.toISOString(),
    lastUsedAt: null,
  }
  db.inboundEmailTokens.unshift(token)
  return { ...token, secret }
}

export function revokeInboundEmailToken(db: MockDb, id: string): void {
  const index = db.inboundEmailTokens.findIndex((token) => token.id === id)
  if (index < 0) throw new MockApiError('not_found')
  db.inboundEmailTokens.splice(index, 1)
}
