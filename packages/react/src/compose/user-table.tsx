import type { FocusEvent, PointerEvent } from 'react'
import { ExportUsersButton } from '../components/export-users'
import { UserTable as UserTableFeature, type UserTableProps } from '../components/user-table'
import { preloadConfirmDialog } from '../ui/confirm-dialog'
import { SharedGroupsDialog } from './dialogs'

// What opens a dialog from the table: a row's "..." button and its items, the selection's bar.
// Pointing at one or focusing it starts loading the dialogs' code (events from the menus'
// portals reach the table's root through React's tree).
const DIALOG_TRIGGERS =
  '[data-slot="user-table-row-actions-trigger"], [data-slot="user-table-row-action"], [data-slot="user-table-bulk-bar"]'

function preloadOnIntent(event: { target: EventTarget | null }) {
  if (!(event.target instanceof Element) || !event.target.closest(DIALOG_TRIGGERS)) return
  void SharedGroupsDialog.preload().catch(() => undefined)
  void preloadConfirmDialog().catch(() => undefined)
}

/**
 * The users table as it ships: its "Shared groups" opens Usher's `SharedGroupsDialog` unless the
 * host passes its own `sharedGroupsDialog` or handles `onShareGroups`; "Export" and "Export
 * selected" are Usher's `ExportUsersButton` unless the host passes its own `exportButton`. Feature
 * folders never import each other; this is where the two are put together. The dialogs' code loads
 * when a row's menu or the selection's bar is first pointed at or focused.
 * @example <UsherProvider client={client}><UserTable onEditUser={(user) => openProfile(user)} /></UsherProvider>
 */
export function UserTable({
  sharedGroupsDialog = SharedGroupsDialog,
  exportButton = ExportUsersButton,
  onPointerOver,
  onFocus,
  ...props
}: UserTableProps) {
  return (
    <UserTableFeature
      sharedGroupsDialog={sharedGroupsDialog}
      exportButton={exportButton}
      onPointerOver={(event: PointerEvent<HTMLDivElement>) => {
        onPointerOver?.(event)
        preloadOnIntent(event)
      }}
      onFocus={(event: FocusEvent<HTMLDivElement>) => {
        onFocus?.(event)
        preloadOnIntent(event)
      }}
      {...props}
    />
  )
}
