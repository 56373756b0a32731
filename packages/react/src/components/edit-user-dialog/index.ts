export { EditUserDialog, type EditUserDialogProps } from './edit-user-dialog'
