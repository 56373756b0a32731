import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { ConfirmDialog } from '../../ui/confirm-dialog'

// A long list of names says less than its count: the first few, then how many more.
const NAMED = 5

/**
 * Before a save that leaves someone with no shared group at all: names who loses them and which
 * groups, and saves only once confirmed (a technician then sees nothing until shared again).
 */
export function ConfirmRemoveAll({
  open,
  onOpenChange,
  who,
  groups,
  onConfirm,
  pending,
  error,
  onCloseAutoFocus,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The person's name, or "3 users". */
  who: string
  /** The names of the groups they lose. */
  groups: readonly string[]
  onConfirm: () => void
  pending: boolean
  error: unknown
  /** Where focus goes once it closes (the save's results, when the trigger is now disabled). */
  onCloseAutoFocus?: (event: Event) => void
}) {
  const { t } = useUsherContext()
  const named = groups.slice(0, NAMED).join(', ')
  const list =
    groups.length > NAMED
      ? t('sharedGroups.removeAll.andMore', { groups: named, count: groups.length - NAMED })
      : named
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('sharedGroups.removeAll.title', { who })}
      description={t('sharedGroups.removeAll.description', { count: groups.length, who, groups: list })}
      confirmLabel={t('sharedGroups.removeAll.confirm')}
      onConfirm={onConfirm}
      pending={pending}
      error={error ? errorMessage(t, error) : null}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  )
}
