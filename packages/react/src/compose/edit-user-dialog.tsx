import { UserHistory } from '../components/audit-log'
import {
  EditUserDialog as EditUserDialogFeature,
  type EditUserDialogProps,
  type EditUserHistoryTabProps,
} from '../components/edit-user-dialog'

/** The person's own events, without the log's filters: the History tab of the shipped dialog. */
function HistoryTab({ userId }: EditUserHistoryTabProps) {
  return <UserHistory userId={userId} showFilters={false} />
}

/**
 * The edit dialog as it ships: its History tab (for viewers with `audit:read`) shows the person's
 * audit history unless the host passes its own `historyTab`. Feature folders never import each
 * other; this is where the two are put together.
 * @example <EditUserDialog userId={user.id} open={open} onOpenChange={setOpen} />
 */
export function EditUserDialog({ historyTab = HistoryTab, ...props }: EditUserDialogProps) {
  return <EditUserDialogFeature historyTab={historyTab} {...props} />
}
