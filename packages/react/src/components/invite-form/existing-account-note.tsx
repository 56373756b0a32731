import { useQuery } from '@tanstack/react-query'
import { EmailSchema, normalizeEmail } from '@usher/contract'
import { useFormContext, useWatch } from 'react-hook-form'
import { useMe } from '../../hooks/use-me'
import { isSupported } from '../../provider/partial-client'
import { useUsherClient, useUsherContext } from '../../provider/usher-context'
import type { InviteFormValues } from './invite-form-schema'

/**
 * A note, never a block: the row's address already signs in to another organization, so the
 * person joins with that account instead of registering again — at once with a notice email when
 * the organization adds existing accounts directly (the dry run's `joinsAtOnce`), otherwise by
 * accepting the invitation with their password. Asked with `invitations.check`
 * (the server's dry run: nothing written, nothing sent; it needs the right to invite, like the form
 * itself) once the row is complete. A backend without that method gives no note.
 */
export function ExistingAccountNote({ index, id }: { index: number; id: string }) {
  const { t } = useUsherContext()
  const client = useUsherClient()
  const { control } = useFormContext<InviteFormValues>()
  const mode = useMe().data?.organization.settings.existingAccounts
  const [email, firstName, role] = useWatch({
    control,
    name: [`invitations.${index}.email`, `invitations.${index}.firstName`, `invitations.${index}.role`],
  })
  const address = EmailSchema.safeParse(email?.trim() ?? '').success ? normalizeEmail(email) : null
  const ready = Boolean(address && firstName?.trim() && role) && isSupported(client, 'invitations.check')
  const check = useQuery({
    // With the organization's setting in the key: once the owner changes it, the rows ask again.
    queryKey: ['usher', 'invitations', 'existing-account', address, role, mode],
    enabled: ready,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const answer = await client.invitations.check({
        invitations: [{ firstName: firstName.trim(), email: address ?? '', role }],
      })
      const row = answer.results[0]
      if (row?.status !== 'valid' || row.existingAccount !== true) return null
      return row.joinsAtOnce === true ? 'joins' : 'invited'
    },
  })
  if (!ready || !check.data) return null
  return (
    <p
      id={id}
      data-slot="invite-row-existing-account"
      className="usher-invite-row-existing-account"
      role="note"
    >
      {t(check.data === 'joins' ? 'inviteForm.existingAccountJoins' : 'inviteForm.existingAccount')}
    </p>
  )
}
