import { GroupSharesDialog } from '../components/group-shares-dialog'
import { GroupsManager as GroupsManagerFeature, type GroupsManagerProps } from '../components/groups-manager'

/**
 * The groups tree as it ships: "Share" on a group opens Usher's `GroupSharesDialog` unless the
 * host passes its own `shareDialog`. Feature folders never import each other; this is where the
 * two are put together.
 * @example <GroupsManager />
 */
export function GroupsManager({ shareDialog = GroupSharesDialog, ...props }: GroupsManagerProps) {
  return <GroupsManagerFeature shareDialog={shareDialog} {...props} />
}
