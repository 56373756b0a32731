import { AlertDialog } from 'radix-ui'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'
import type { ConfirmDialogProps } from './confirm-dialog'

/**
 * What `ConfirmDialog` loads on first open: the alert dialog itself (focus starts on Cancel,
 * Escape cancels, it stays open until the request succeeds so a failure is read where it happened).
 */
export function ConfirmDialogBody({
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
