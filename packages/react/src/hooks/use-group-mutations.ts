import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateGroupInput, Group, UpdateGroupInput } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/** After any change to the tree: the groups, and the users lists whose group filters show them. */
function useRefreshGroups() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usherKeys.groups.all }),
      queryClient.invalidateQueries({ queryKey: usherKeys.users.lists(), refetchType: 'none' }),
    ])
}

/** Creates a group, at the top or under a parent (`POST /groups`, idempotent: a retry creates one). */
export function useCreateGroup() {
  const client = useUsherClient()
  const refresh = useRefreshGroups()
  return useMutation<Group, Error, CreateGroupInput>({
    mutationFn: (input) => client.groups.create(input),
    onSuccess: () => refresh(),
  })
}

/** Renames, describes or moves a group (`PATCH /groups/:id` with the version read, as `If-Match`). */
export function useUpdateGroup() {
  const client = useUsherClient()
  const refresh = useRefreshGroups()
  return useMutation<Group, Error, { id: string; version: number; patch: UpdateGroupInput }>({
    mutationFn: ({ id, version, patch }) => client.groups.update(id, patch, { ifMatch: version }),
    onSettled: () => refresh(),
  })
}

/** Deletes an empty group (`DELETE /groups/:id`; a group with subgroups or members is refused). */
export function useDeleteGroup() {
  const client = useUsherClient()
  const refresh = useRefreshGroups()
  return useMutation<void, Error, string>({
    mutationFn: (id) => client.groups.delete(id),
    onSuccess: () => refresh(),
  })
}
