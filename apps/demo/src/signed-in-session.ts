import { useQueryClient } from '@tanstack/react-query'
import type { Session, User } from '@usher/contract'
import { usherKeys } from '@usher/react'
import { useSyncExternalStore } from 'react'

/**
 * A session from Usher's built-in sign-in (the sign-in page, an accepted invitation, a password
 * reset): the demo uses its token as the bearer token in place of the account switch's. Kept in
 * localStorage so it survives a reload; gone at its expiry or on "Sign out".
 */
export interface SignedInSession {
  token: string
  expiresAt: string
  userId: string
  name: string
}

const KEY = 'relai.signedIn'
const CHANGE = 'relai:signed-in'

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY)
  } catch {
    return null
  }
}

function parse(raw: string | null): SignedInSession | null {
  if (!raw) return null
  try {
    const session = JSON.parse(raw) as SignedInSession
    return Date.parse(session.expiresAt) > Date.now() ? session : null
  } catch {
    return null
  }
}

function write(value: string | null) {
  try {
    if (value) window.localStorage.setItem(KEY, value)
    else window.localStorage.removeItem(KEY)
  } catch {
    // storage blocked: the session lasts until the next reload
    memory = value
  }
  window.dispatchEvent(new Event(CHANGE))
}

let memory: string | null = null

export function saveSignedIn(session: Session, user: Pick<User, 'id' | 'firstName' | 'lastName'>) {
  const value: SignedInSession = {
    token: session.token,
    expiresAt: session.expiresAt,
    userId: user.id,
    name: `${user.firstName} ${user.lastName}`.trim(),
  }
  write(JSON.stringify(value))
}

export const signOut = () => write(null)

/**
 * `saveSignedIn` for the public pages: what the cache holds belongs to the account switch's
 * person (the settings area is not mounted here, so its queries are inactive), and goes.
 */
export function useKeepSignedIn() {
  const queryClient = useQueryClient()
  return (session: Session, user: Pick<User, 'id' | 'firstName' | 'lastName'>) => {
    queryClient.removeQueries({ queryKey: usherKeys.all, type: 'inactive' })
    saveSignedIn(session, user)
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE, onChange)
  window.addEventListener('storage', onChange)
  return () => {
    window.removeEventListener(CHANGE, onChange)
    window.removeEventListener('storage', onChange)
  }
}

/** The signed-in session, or null (none, expired). The raw string is the snapshot: stable between reads. */
export function useSignedIn(): SignedInSession | null {
  const raw = useSyncExternalStore(subscribe, () => read() ?? memory)
  return parse(raw)
}
