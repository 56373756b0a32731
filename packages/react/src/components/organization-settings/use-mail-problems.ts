import { useQuery } from '@tanstack/react-query'
import { usePermission } from '../../hooks/use-me'
import { useUsherClient } from '../../provider/usher-context'
import { usherKeys } from '../../query/keys'

/**
 * The organization's undelivered messages (`GET /organization/mail-problems`): still retried, or
 * given up with the mail relay's reason. Asked only of callers who may manage the organization,
 * and again every minute while shown (the server retries on its own).
 * @example const problems = useMailProblems(); problems.data?.total
 */
export function useMailProblems() {
  const client = useUsherClient()
  const canManage = usePermission('organization:manage')
  return useQuery({
    queryKey: [...usherKeys.all, 'mail-problems'] as const,
    queryFn: () => {
      if (!client.organization.mailProblems) throw new Error('This client cannot read mail problems.')
      return client.organization.mailProblems()
    },
    // A host's own client may not offer it: then there is nothing to show.
    enabled: canManage && client.organization.mailProblems !== undefined,
    refetchInterval: 60_000,
  })
}
