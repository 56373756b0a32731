import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ActivateOrganizationInput, Organization } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/**
 * Activates the team by naming it (users are managed once the team is activated);
 * `me` is read again afterwards, and with it every component's view of the organization.
 * @example
 * const activate = useActivateOrganization()
 * activate.mutate({ name: 'Atelier Durand' })
 */
export function useActivateOrganization() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<Organization, Error, ActivateOrganizationInput>({
    mutationFn: (input) => client.organization.activate(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usherKeys.me() }),
  })
}
