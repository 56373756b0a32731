export {
  displayName,
  type UserSort,
  type UserTableColumnPriority,
  type UserTableColumnVisibility,
  type UserTableExtraColumn,
} from './columns'
export {
  localColumnStore,
  USER_TABLE_COLUMNS_KEY,
  type UserTableColumnStore,
} from './use-column-visibility'
export {
  UserTable,
  type UserTableExportButtonProps,
  type UserTableProps,
  type UserTableSharedGroupsDialogProps,
} from './user-table'
export { type UserTableBulkAction, UserTableBulkBar, type UserTableBulkBarProps } from './user-table-bulk-bar'
export { rowActionsFor, UserTableRowActions, type UserTableRowActionsProps } from './user-table-row-actions'
export { type UserTableFilters, UserTableToolbar, type UserTableToolbarProps } from './user-table-toolbar'
