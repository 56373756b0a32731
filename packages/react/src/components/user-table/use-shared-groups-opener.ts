import { type RefObject, useRef, useState } from 'react'
import { useStableCallback } from '../../lib/use-stable-callback'

/**
 * Who the shares dialog is open for, and where focus goes back once it closes. With the host's
 * `onShareGroups` the host opens its own dialog instead.
 */
export function useSharedGroupsOpener(
  onShareGroups: ((userIds: string[]) => void) | undefined,
  fallbackFocus: RefObject<HTMLElement | null>,
) {
  const [sharesFor, setSharesFor] = useState<{ userIds: string[]; open: boolean }>({
    userIds: [],
    open: false,
  })
  const returnFocus = useRef<HTMLElement | null>(null)
  const open = useStableCallback((userIds: string[], opener?: HTMLElement | null) => {
    if (onShareGroups) return onShareGroups(userIds)
    const active = typeof document === 'undefined' ? null : document.activeElement
    returnFocus.current = opener ?? (active instanceof HTMLElement ? active : null)
    setSharesFor({ userIds, open: true })
  })
  const onOpenChange = (isOpen: boolean) => {
    // The ids stay while the dialog closes, so its content does not change under the animation.
    setSharesFor((current) => ({ ...current, open: isOpen }))
    if (isOpen) return
    // The dialog has no Trigger of ours to return to: put focus back where it was opened from
    // (the row's menu button, the count, the bulk button) once the dialog has unmounted.
    const target = returnFocus.current
    setTimeout(() => (target?.isConnected ? target : fallbackFocus.current)?.focus(), 0)
  }
  return { userIds: sharesFor.userIds, isOpen: sharesFor.open, open, onOpenChange }
}
