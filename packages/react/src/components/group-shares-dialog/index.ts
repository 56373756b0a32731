export { GroupSharesDialog, type GroupSharesDialogProps } from './group-shares-dialog'
