export { ConfirmDeleteDialog, type ConfirmDeleteDialogProps } from '../../ui/confirm-dialog'
export {
  displayName,
  type UserSort,
  type UserTableColumnVisibility,
  type UserTableExtraColumn,
} from './columns'
export { UserTable, type UserTableProps } from './user-table'
export { type UserTableBulkAction, UserTableBulkBar, type UserTableBulkBarProps } from './user-table-bulk-bar'
export {
  UserTableRowActions,
  type UserTableRowActionsProps,
  type UserTableViewer,
  userActionsFor,
} from './user-table-row-actions'
export {
  type UserTableFilters,
  UserTableToolbar,
  type UserTableToolbarProps,
} from './user-table-toolbar'
