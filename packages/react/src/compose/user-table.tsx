import { ExportUsersButton } from '../components/export-users'
import { SharedGroupsDialog } from '../components/shared-groups-dialog'
import { UserTable as UserTableFeature, type UserTableProps } from '../components/user-table'

/**
 * The users table as it ships: its "Shared groups" opens Usher's `SharedGroupsDialog` unless the
 * host passes its own `sharedGroupsDialog` or handles `onShareGroups`; "Export" and "Export
 * selected" are Usher's `ExportUsersButton` unless the host passes its own `exportButton`. Feature folders never import
 * each other; this is where the two are put together.
 * @example <UsherProvider client={client}><UserTable onEditUser={(user) => openProfile(user)} /></UsherProvider>
 */
export function UserTable({
  sharedGroupsDialog = SharedGroupsDialog,
  exportButton = ExportUsersButton,
  ...props
}: UserTableProps) {
  return <UserTableFeature sharedGroupsDialog={sharedGroupsDialog} exportButton={exportButton} {...props} />
}
