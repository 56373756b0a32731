import { type CSSProperties, useEffect, useId, useRef, useState } from 'react'

/** What `useTooltip` hands the element it describes. */
export interface TooltipTriggerProps {
  ref: (node: HTMLElement | null) => void
  'aria-describedby': string
  onPointerEnter: () => void
  onPointerLeave: () => void
  onFocus: () => void
  onBlur: () => void
}

/** What `useTooltip` hands the tooltip's own element (a `<span>`, so it may sit inside a `<p>`). */
export interface TooltipContentProps {
  id: string
  role: 'tooltip'
  ref: (node: HTMLElement | null) => void
  popover?: 'manual'
  hidden?: boolean
  style: CSSProperties
  onPointerEnter: () => void
  onPointerLeave: () => void
}

export interface UseTooltipOptions {
  /**
   * How long the pointer rests on the trigger before the tooltip shows, in ms (focus shows it at once).
   * @default 300
   */
  delay?: number
  /**
   * Gap between the trigger and the tooltip, in px.
   * @default 4
   */
  offset?: number
}

/** How long the tooltip stays once the pointer leaves, so the pointer can move onto it (WCAG 1.4.13). */
const LINGER_MS = 100

/**
 * A tooltip (WAI-ARIA tooltip pattern) without a positioning library: shown on hover after a
 * delay and on keyboard focus at once, hidden on blur, on pointer leave (after a short linger that
 * lets the pointer reach it) and on Escape. The tooltip element is always in the document and
 * named by the trigger's `aria-describedby`, so a screen reader reads it as the trigger's
 * description the moment the trigger takes focus.
 *
 * Where the browser has the Popover API the tooltip is a manual popover: it renders in the top
 * layer, above dialogs and out of any `overflow: hidden` table cell, with no portal; it is placed
 * below the trigger (above when there is no room) and kept inside the viewport. Elsewhere (older
 * browsers, jsdom) the `hidden` attribute shows and hides it in place.
 * @example
 * const tip = useTooltip()
 * return <><button {...tip.triggerProps}>?</button><span {...tip.contentProps}>Help</span></>
 */
export function useTooltip({ delay = 300, offset = 4 }: UseTooltipOptions = {}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [position, setPosition] = useState<CSSProperties>({})
  const [popover] = useState(
    () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function',
  )
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const trigger = useRef<HTMLElement | null>(null)
  const content = useRef<HTMLElement | null>(null)
  // Every change goes through here, so a pending delayed show or hide never fires after it.
  const set = (next: boolean, after = 0) => {
    clearTimeout(timer.current)
    if (after) timer.current = setTimeout(() => setOpen(next), after)
    else setOpen(next)
  }

  useEffect(() => {
    const node = content.current
    if (node && popover) node.togglePopover(open)
    const anchor = trigger.current
    // A change of state (or unmounting) drops a pending delayed show or hide.
    if (!open || !node || !anchor) return () => clearTimeout(timer.current)
    const box = anchor.getBoundingClientRect()
    const tip = node.getBoundingClientRect()
    const below = box.bottom + offset
    setPosition({
      top: below + tip.height > window.innerHeight ? Math.max(0, box.top - offset - tip.height) : below,
      left: Math.max(0, Math.min(box.left, window.innerWidth - tip.width)),
    })
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    return () => {
      clearTimeout(timer.current)
      document.removeEventListener('keydown', onKey)
    }
  }, [open, popover, offset])

  const triggerProps: TooltipTriggerProps = {
    ref: (node) => {
      trigger.current = node
    },
    'aria-describedby': id,
    onPointerEnter: () => set(true, delay),
    onPointerLeave: () => set(false, LINGER_MS),
    onFocus: () => set(true),
    onBlur: () => set(false),
  }
  const contentProps: TooltipContentProps = {
    id,
    role: 'tooltip',
    ref: (node) => {
      content.current = node
    },
    ...(popover ? { popover: 'manual' as const } : { hidden: !open }),
    style: position,
    onPointerEnter: () => clearTimeout(timer.current),
    onPointerLeave: () => set(false, LINGER_MS),
  }
  return { open, triggerProps, contentProps }
}
