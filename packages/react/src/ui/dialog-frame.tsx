import { Dialog } from 'radix-ui'
import { type ReactNode, useCallback, useState } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

export interface DialogFrameProps {
  /** The component's slot name: `<slot>-overlay`, `<slot>-dialog` and `<slot>-close` are the parts' `data-slot`s. */
  slot: string
  /** The panel's own class (its width and layout), besides the shared `usher-dialog`. */
  panelClassName: string
  /** The host's class for the panel. */
  className?: string | undefined
  open?: boolean | undefined
  defaultOpen?: boolean | undefined
  onOpenChange?: ((open: boolean) => void) | undefined
  trigger?: ReactNode
  /**
   * The panel takes focus on opening, so its title is read first (the content may still be
   * loading); otherwise Radix focuses the first control.
   */
  focusPanel?: boolean
  /**
   * Where focus goes once the dialog closes (Radix's `onCloseAutoFocus`): call
   * `event.preventDefault()` and focus it yourself when the dialog had no trigger of its own
   * (opened from a menu item that is gone by then).
   */
  onCloseAutoFocus?: ((event: Event) => void) | undefined
  /** `data-*` attributes of the panel, e.g. `{ 'data-mode': 'many' }`. */
  panelData?: Record<`data-${string}`, string | undefined>
  /** The content, given a way to close the dialog. Mounted only while open. */
  children: (close: () => void) => ReactNode
}

/**
 * The frame of Usher's dialogs (SharedGroupsDialog, EditUserDialog, ImportUsersDialog): open state
 * controlled or not, an optional trigger, the overlay and panel in the provider's portal (so they
 * keep its theme and scoping), above the table's sticky parts, and the ✕ button last in the panel.
 */
export function DialogFrame({
  slot,
  panelClassName,
  className,
  open,
  defaultOpen = false,
  onOpenChange,
  trigger,
  focusPanel = false,
  onCloseAutoFocus,
  panelData,
  children,
}: DialogFrameProps) {
  const { t, portalContainer } = useUsherContext()
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen)
  const isOpen = open ?? uncontrolledOpen
  const setOpen = useCallback(
    (next: boolean) => {
      if (open === undefined) setUncontrolledOpen(next)
      onOpenChange?.(next)
    },
    [open, onOpenChange],
  )
  return (
    <Dialog.Root open={isOpen} onOpenChange={setOpen}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal container={portalContainer}>
        <Dialog.Overlay
          data-slot={`${slot}-overlay`}
          className={`usher-dialog-overlay usher-${slot}-overlay`}
        />
        <Dialog.Content
          {...panelData}
          data-slot={`${slot}-dialog`}
          className={cn('usher-dialog', panelClassName, className)}
          onOpenAutoFocus={
            focusPanel
              ? (event) => {
                  event.preventDefault()
                  ;(event.currentTarget as HTMLElement | null)?.focus()
                }
              : undefined
          }
          onCloseAutoFocus={onCloseAutoFocus}
        >
          {children(() => setOpen(false))}
          {/* Last in the panel: Tab from the panel reaches the content first. */}
          <Dialog.Close
            data-slot={`${slot}-close`}
            className={`usher-dialog-close usher-${slot}-close`}
            aria-label={t('common.close')}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/**
 * A dialog's title and description (named by Radix for the panel), with the padding that keeps
 * them clear of the ✕ button.
 */
export function DialogHeader({
  slot,
  title,
  description,
}: {
  slot: string
  title: ReactNode
  description: ReactNode
}) {
  return (
    <div data-slot={`${slot}-header`} className={`usher-dialog-header usher-${slot}-header`}>
      <Dialog.Title data-slot={`${slot}-title`} className={`usher-dialog-title usher-${slot}-title`}>
        {title}
      </Dialog.Title>
      <Dialog.Description
        data-slot={`${slot}-description`}
        className={`usher-dialog-description usher-${slot}-description`}
      >
        {description}
      </Dialog.Description>
    </div>
  )
}
