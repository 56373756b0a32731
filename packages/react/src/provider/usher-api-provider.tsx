import { createUsherClient } from '@usher/sdk'
import { useMemo } from 'react'
import { tokenFromEndpoint } from './token-endpoint'
import { UsherProvider, type UsherProviderProps } from './usher-provider'

export interface UsherApiProviderProps
  extends Omit<UsherProviderProps, 'client' | 'queryClient' | 'container' | 'now'> {
  /**
   * Where the host mounted the Usher API; relative to the page, or absolute.
   * @example '/api/usher'
   */
  baseUrl: string
  /**
   * The host's endpoint that answers the signed-in user's Usher token (`{ "token": "…" }` or plain
   * text), called with the page's cookies; see `tokenFromEndpoint`. Without it, requests carry no
   * token: only the public screens (accept an invitation, sign in, reset a password) work.
   * @example '/api/usher-token'
   */
  tokenUrl?: string
}

/**
 * `<UsherProvider>` for the Usher API, with props a Server Component can pass (strings only): it
 * builds the client in the browser from `baseUrl` and `tokenUrl`. Use `<UsherProvider client>`
 * for a client of your own (another backend, custom fetch or hooks).
 * @example
 * // app/layout.tsx in Next.js (a Server Component)
 * <UsherApiProvider baseUrl="/api/usher" tokenUrl="/api/usher-token" locale={locale}>
 *   {children}
 * </UsherApiProvider>
 */
export function UsherApiProvider({ baseUrl, tokenUrl, ...props }: UsherApiProviderProps) {
  const client = useMemo(
    () => createUsherClient({ baseUrl, ...(tokenUrl ? { token: tokenFromEndpoint(tokenUrl) } : {}) }),
    [baseUrl, tokenUrl],
  )
  return <UsherProvider client={client} {...props} />
}
