export { GroupsManager, type GroupsManagerProps } from './groups-manager'
