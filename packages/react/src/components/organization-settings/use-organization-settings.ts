import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Organization, UpdateOrganizationInput } from '@usher/contract'
import { useMe, usePermission } from '../../hooks/use-me'
import { useUsherClient } from '../../provider/usher-context'
import { usherKeys } from '../../query/keys'

/**
 * The caller's organization and its settings (from `GET /me`), whether they may change them
 * (`organization:manage`), and `save`: a PATCH sent with the version they read (If-Match), so a
 * save over someone else's answers `version_mismatch` instead of undoing it.
 * @example const { organization, canManage, save } = useOrganizationSettings()
 */
export function useOrganizationSettings() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  const me = useMe()
  const canManage = usePermission('organization:manage')
  const organization = me.data?.organization
  const save = useMutation<Organization, Error, { input: UpdateOrganizationInput; version: number }>({
    mutationFn: ({ input, version }) => client.organization.update(input, { ifMatch: version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usherKeys.me() }),
  })
  return { me, organization, canManage, save }
}

/** Who is the contact for a topic, read from the list (at most `limit` people are looked at). */
export async function contactsFor(
  client: ReturnType<typeof useUsherClient>,
  topic: string,
  limit = 2000,
): Promise<{ names: string[]; complete: boolean }> {
  const names: string[] = []
  let seen = 0
  for await (const user of client.users.listAll({ limit: 200 })) {
    if (++seen > limit) return { names, complete: false }
    if (user.contactFor.includes(topic)) names.push(`${user.firstName} ${user.lastName}`.trim() || user.email)
  }
  return { names, complete: true }
}
