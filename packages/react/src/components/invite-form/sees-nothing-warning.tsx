import { governsMemberGroups, invitationSeesNothing } from '@usher/contract/rules'
import { useFormContext, useWatch } from 'react-hook-form'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { useUsherContext } from '../../provider/usher-context'
import type { InviteFormValues } from './invite-form-schema'

/**
 * A warning, never a block: the row invites someone who will see nothing on arrival (a role
 * scoped to groups with no shared group — the contract's `invitationSeesNothing`, asked of the
 * role catalog so host roles count). A role that governs its groups needs a group; a shares-only
 * role (technician) needs someone to share groups once invited.
 */
export function SeesNothingWarning({ index, id }: { index: number; id: string }) {
  const { t } = useUsherContext()
  const roles = useRoleCatalog()
  const roleName = useRoleName()
  const { control } = useFormContext<InviteFormValues>()
  const [role, groupIds] = useWatch({
    control,
    name: [`invitations.${index}.role`, `invitations.${index}.groupIds`],
  })
  if (!role || !invitationSeesNothing(roles, { role, groupIds: groupIds ?? [] })) return null
  const key = governsMemberGroups(roles, role) ? 'noGroup' : 'sharesOnly'
  return (
    <p id={id} data-slot="invite-row-sees-nothing" className="usher-invite-row-sees-nothing" role="note">
      {t(`inviteForm.groups.seesNothing.${key}`, { role: roleName(role) })}
    </p>
  )
}
