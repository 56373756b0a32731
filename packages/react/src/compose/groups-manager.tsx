import { GroupsManager as GroupsManagerFeature, type GroupsManagerProps } from '../components/groups-manager'
import { GroupSharesDialog } from './dialogs'

/**
 * The groups tree as it ships: "Share" on a group opens Usher's `GroupSharesDialog` (its code
 * loaded when a "Share" button is first pointed at, focused or pressed) unless the host passes its
 * own `shareDialog`. Feature folders never import each other; this is where the two are put together.
 * @example <GroupsManager />
 */
export function GroupsManager({ shareDialog = GroupSharesDialog, ...props }: GroupsManagerProps) {
  return <GroupsManagerFeature shareDialog={shareDialog} {...props} />
}
