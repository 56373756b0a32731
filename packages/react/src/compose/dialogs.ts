import type { EditUserDialogProps } from '../components/edit-user-dialog'
import type { GroupSharesDialogProps } from '../components/group-shares-dialog'
import type { ImportUsersDialogProps } from '../components/import-users-dialog'
import type { SharedGroupsDialogProps } from '../components/shared-groups-dialog'
import { lazyDialog } from '../ui/lazy-dialog'

// Usher's dialogs as they ship: each one's code (its form, its Radix dialog) is a chunk a host's
// bundler splits off, fetched when the dialog first opens or its trigger is hovered or focused
// (`Dialog.preload()` does it by hand). The feature folders keep the eager components; these
// wrappers take the same props.

/**
 * Which customer groups people may see, for one person or many at once; loaded on first open.
 * @example <SharedGroupsDialog userIds={[user.id]} open={open} onOpenChange={setOpen} />
 */
export const SharedGroupsDialog = /* @__PURE__ */ lazyDialog<SharedGroupsDialogProps>(() =>
  import('../components/shared-groups-dialog').then((m) => m.SharedGroupsDialog),
)

/**
 * One person's profile, role, access and history, edited in place; loaded on first open.
 * @example <EditUserDialog userId={user.id} open={open} onOpenChange={setOpen} />
 */
export const EditUserDialog = /* @__PURE__ */ lazyDialog<EditUserDialogProps>(() =>
  import('./edit-user-dialog').then((m) => m.EditUserDialog),
)

/**
 * Bulk import from a CSV or JSON file, checked in the browser; loaded on first open.
 * @example <ImportUsersDialog trigger={<button type="button">Import</button>} />
 */
export const ImportUsersDialog = /* @__PURE__ */ lazyDialog<ImportUsersDialogProps>(() =>
  import('../components/import-users-dialog').then((m) => m.ImportUsersDialog),
)

/**
 * One group and the people it is shared with; loaded on first open.
 * @example <GroupSharesDialog groupId={group.id} trigger={<button type="button">Share…</button>} />
 */
export const GroupSharesDialog = /* @__PURE__ */ lazyDialog<GroupSharesDialogProps>(() =>
  import('../components/group-shares-dialog').then((m) => m.GroupSharesDialog),
)
