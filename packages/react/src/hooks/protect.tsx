import type { Permission } from '@usher/contract/rules'
import type { ReactNode } from 'react'
import { useViewer } from './use-viewer'

export interface ProtectProps {
  /** Shown when the viewer holds this permission (or every one of a list). */
  permission: Permission | readonly Permission[]
  children: ReactNode
  /** Shown instead when they do not. @default null */
  fallback?: ReactNode
  /** Shown while the viewer is loading. @default null */
  loading?: ReactNode
}

/**
 * Renders its children only for a viewer who holds `permission`: a gate on permissions, never on
 * role names. It hides, it does not protect: the server refuses the request anyway.
 * @example <Protect permission="users:invite"><InviteForm /></Protect>
 */
export function Protect({ permission, children, fallback = null, loading = null }: ProtectProps) {
  const { status, viewer } = useViewer()
  if (status === 'pending') return <>{loading}</>
  const needed: readonly Permission[] = typeof permission === 'string' ? [permission] : permission
  return <>{viewer && needed.every((p) => viewer.can(p)) ? children : fallback}</>
}
