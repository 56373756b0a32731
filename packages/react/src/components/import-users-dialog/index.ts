export { ImportUsersDialog, type ImportUsersDialogProps } from './import-users-dialog'
