import type { AccessReviewItem } from '@usher/contract'
import { useRef, useState } from 'react'
import { useRoleName } from '../../hooks/use-role-name'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { ConfirmDialog } from '../../ui/confirm-dialog'

export interface ReviewLinesProps {
  items: readonly AccessReviewItem[]
  /** Decides one line; resolves once the server answered. */
  onDecide: (item: AccessReviewItem, decision: 'confirm' | 'remove') => Promise<unknown>
  pending: boolean
  error: unknown
}

/**
 * The lines of the review as a table: who, which access (a role, or a shared group with its
 * permission), the decision, and Confirm / Remove on the lines the viewer may decide. Removing asks
 * first, saying what will happen; focus goes back to the button that asked.
 */
export function ReviewLines({ items, onDecide, pending, error }: ReviewLinesProps) {
  const { t } = useUsherContext()
  const roleName = useRoleName()
  const [removing, setRemoving] = useState<AccessReviewItem | null>(null)
  const trigger = useRef<HTMLButtonElement | null>(null)

  const lineOf = (item: AccessReviewItem) =>
    item.kind === 'role'
      ? t('accessReview.roleLine', { role: roleName(item.role) })
      : t('accessReview.shareLine', {
          group: item.group?.name ?? '',
          permission: t(`accessReview.permission.${item.permission ?? 'view'}`),
        })

  return (
    <>
      <table className="usher-access-review-table" data-slot="access-review-lines">
        <caption className="usher-visually-hidden">{t('accessReview.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessReview.columns.person')}</th>
            <th scope="col">{t('accessReview.columns.access')}</th>
            <th scope="col">{t('accessReview.columns.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-decision={item.decision}>
              <td>
                <span className="usher-access-review-name">{item.user.name}</span>
                <span className="usher-access-review-email">{item.user.email}</span>
              </td>
              <td>{lineOf(item)}</td>
              <td>
                {item.canDecide ? (
                  <span className="usher-access-review-actions">
                    <button
                      type="button"
                      className="usher-button"
                      disabled={pending}
                      aria-label={t('accessReview.confirmLabel', {
                        line: lineOf(item),
                        name: item.user.name,
                      })}
                      onClick={() => void onDecide(item, 'confirm')}
                    >
                      {t('accessReview.confirm')}
                    </button>
                    <button
                      type="button"
                      className="usher-button"
                      data-variant="danger"
                      disabled={pending}
                      aria-label={t('accessReview.removeLabel', { line: lineOf(item), name: item.user.name })}
                      onClick={(event) => {
                        trigger.current = event.currentTarget
                        setRemoving(item)
                      }}
                    >
                      {t('accessReview.remove')}
                    </button>
                  </span>
                ) : item.decision === 'pending' ? (
                  <span>{t('accessReview.decision.pending')}</span>
                ) : (
                  <span>
                    {item.decidedBy
                      ? t('accessReview.decidedBy', {
                          decision: t(`accessReview.decision.${item.decision}`),
                          name: item.decidedBy.name,
                        })
                      : t(`accessReview.decision.${item.decision}`)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p role="alert" className="usher-alert">
          {t('accessReview.failed', { reason: errorMessage(t, error) })}
        </p>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null)
        }}
        title={
          removing?.kind === 'share'
            ? t('accessReview.removeShareTitle', {
                group: removing.group?.name ?? '',
                name: removing.user.name,
              })
            : t('accessReview.removeRoleTitle', { name: removing?.user.name ?? '' })
        }
        description={
          removing?.kind === 'share'
            ? t('accessReview.removeShareDescription', {
                group: removing.group?.name ?? '',
                name: removing.user.name,
              })
            : t('accessReview.removeRoleDescription', { name: removing?.user.name ?? '' })
        }
        confirmLabel={t('accessReview.removeConfirm')}
        pending={pending}
        onConfirm={() => {
          if (!removing) return
          void onDecide(removing, 'remove').finally(() => setRemoving(null))
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          trigger.current?.focus()
        }}
      />
    </>
  )
}
