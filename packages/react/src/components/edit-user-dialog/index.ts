export { EditUserDialog, type EditUserDialogProps, type EditUserHistoryTabProps } from './edit-user-dialog'
