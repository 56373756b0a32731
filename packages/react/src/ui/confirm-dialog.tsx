import type { ReactNode } from 'react'
import { lazyDialog } from './lazy-dialog'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Names the person (or the count): "Delete Hugo Moreau?". */
  title: string
  description: ReactNode
  /** The confirm button's text, naming the effect: "Delete Hugo Moreau". */
  confirmLabel: string
  onConfirm: () => void
  /** While the request runs: the buttons wait. */
  pending?: boolean
  /** The request's error, shown in the dialog (it stays open so the person can retry or cancel). */
  error?: string | null
  /** Where focus goes when the dialog closes (the row it came from may be gone). */
  onCloseAutoFocus?: (event: Event) => void
  className?: string
}

/**
 * Confirms a destructive action (WAI-ARIA alertdialog): focus starts on Cancel, Escape cancels,
 * and the dialog stays open until the request succeeds so a failure is read where it happened.
 * Its code loads on first open (`preloadConfirmDialog` starts it earlier); nothing renders before.
 * @example <ConfirmDialog open={open} onOpenChange={setOpen} title="Delete Hugo Moreau?" description="…" confirmLabel="Delete Hugo Moreau" onConfirm={remove} />
 */
export const ConfirmDialog = /* @__PURE__ */ lazyDialog<ConfirmDialogProps>(() =>
  import('./confirm-dialog-body').then((m) => m.ConfirmDialogBody),
)

/**
 * Starts loading the confirmation's code (Radix's alert dialog) before it first opens: on the
 * pointer or focus reaching something that may ask for it.
 */
export const preloadConfirmDialog = ConfirmDialog.preload
