import { AlertDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

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
 * @example <ConfirmDialog open={open} onOpenChange={setOpen} title="Delete Hugo Moreau?" description="…" confirmLabel="Delete Hugo Moreau" onConfirm={remove} />
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending = false,
  error,
  onCloseAutoFocus,
  className,
}: ConfirmDialogProps) {
  const { t, portalContainer } = useUsherContext()
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => (pending && !next ? undefined : onOpenChange(next))}
    >
      <AlertDialog.Portal container={portalContainer}>
        <AlertDialog.Overlay data-slot="confirm-delete-overlay" className="usher-user-table-overlay" />
        <AlertDialog.Content
          data-slot="confirm-delete-dialog"
          data-pending={pending || undefined}
          className={cn('usher-user-table-dialog', className)}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialog.Title data-slot="confirm-delete-title" className="usher-user-table-dialog-title">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description data-slot="confirm-delete-description">
            {description}
          </AlertDialog.Description>
          {error ? (
            <p data-slot="confirm-delete-error" role="alert" className="usher-alert">
              {error}
            </p>
          ) : null}
          <div data-slot="confirm-delete-footer" className="usher-user-table-dialog-footer">
            <AlertDialog.Cancel asChild>
              <button type="button" className="usher-button" disabled={pending}>
                {t('common.cancel')}
              </button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that one closes at once, before the server has answered. */}
            <button
              type="button"
              className="usher-button"
              data-variant="danger"
              data-slot="confirm-delete-confirm"
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
