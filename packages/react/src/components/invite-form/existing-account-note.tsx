import { useQuery } from '@tanstack/react-query'
import { EmailSchema, normalizeEmail } from '@usher/contract'
import { useFormContext, useWatch } from 'react-hook-form'
import { isSupported } from '../../provider/partial-client'
import { useUsherClient, useUsherContext } from '../../provider/usher-context'
import type { InviteFormValues } from './invite-form-schema'

/**
 * A note, never a block: the row's address already signs in to another organization, so the
 * person joins with that account instead of registering again. Asked with `invitations.check`
 * (the server's dry run: nothing written, nothing sent; it needs the right to invite, like the form
 * itself) once the row is complete. A backend without that method gives no note.
 */
export function ExistingAccountNote({ index, id }: { index: number; id: string }) {
  const { t } = useUsherContext()
  const client = useUsherClient()
  const { control } = useFormContext<InviteFormValues>()
  const [email, firstName, role] = useWatch({
    control,
    name: [`invitations.${index}.email`, `invitations.${index}.firstName`, `invitations.${index}.role`],
  })
  const address = EmailSchema.safeParse(email?.trim() ?? '').success ? normalizeEmail(email) : null
  const ready = Boolean(address && firstName?.trim() && role) && isSupported(client, 'invitations.check')
  const check = useQuery({
    queryKey: ['usher', 'invitations', 'existing-account', address, role],
    enabled: ready,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const answer = await client.invitations.check({
        invitations: [{ firstName: firstName.trim(), email: address ?? '', role }],
      })
      const row = answer.results[0]
      return row?.status === 'valid' && row.existingAccount === true
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
      {t('inviteForm.existingAccount')}
    </p>
  )
}
