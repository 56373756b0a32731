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
  }
  /**
   * The dialog has no Trigger of ours to return to (it opened from a menu item, gone by now):
   * focus goes back where it was opened from (the row's menu button, the count, the bulk button),
   * or to the table when that row is gone. Done in the dialog's own close-focus step, which would
   * otherwise put focus on the page after any timer of ours.
   */
  const onCloseAutoFocus = (event: Event) => {
    event.preventDefault()
    const target = returnFocus.current
    ;(target?.isConnected ? target : fallbackFocus.current)?.focus()
  }
  return { userIds: sharesFor.userIds, isOpen: sharesFor.open, open, onOpenChange, onCloseAutoFocus }
}
