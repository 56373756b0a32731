export { SharedGroupsDialog, type SharedGroupsDialogProps } from './shared-groups-dialog'
