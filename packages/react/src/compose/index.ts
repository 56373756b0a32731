export { GroupsManager } from './groups-manager'
export { UserTable } from './user-table'
