import type {
  DemoAccountsResponse,
  DemoErrorResponse,
  DemoOutboxResponse,
  DemoSessionResponse,
} from '../server/api-types'

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api/demo${path}`, init)
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as DemoErrorResponse | null
    throw new Error(body?.error ?? `${path} answered ${response.status}`)
  }
  return (await response.json()) as T
}

export const demoApi = {
  accounts: () => call<DemoAccountsResponse>('/accounts'),
  session: (userId: string) =>
    call<DemoSessionResponse>('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId }),
    }),
  outbox: (orgId: string) => call<DemoOutboxResponse>(`/outbox?orgId=${encodeURIComponent(orgId)}`),
}

/**
 * What a host's front end does with its backend's short-lived tokens: the SDK calls this before
 * every request; it answers from memory and asks the backend again a minute before expiry.
 */
export function createTokenSource(first: DemoSessionResponse): () => Promise<string> {
  let session = first
  let refreshing: Promise<DemoSessionResponse> | null = null
  return async () => {
    if (Date.parse(session.expiresAt) - Date.now() > 60_000) return session.token
    refreshing ??= demoApi.session(session.userId).finally(() => {
      refreshing = null
    })
    session = await refreshing
    return session.token
  }
}
