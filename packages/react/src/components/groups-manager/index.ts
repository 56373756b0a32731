export { GroupsManager, type GroupsManagerProps, type GroupsManagerShareDialogProps } from './groups-manager'
