export { exportColumnsFor } from './export-columns'
export { ExportUsersButton, type ExportUsersButtonProps, type ExportUsersSearch } from './export-users-button'
export { saveFile, useExportUsers } from './use-export-users'
