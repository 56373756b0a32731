import { useUsherContext } from '../../provider/usher-context'
import { AuditLog, type AuditLogProps } from './audit-log'

export interface UserHistoryProps extends Omit<AuditLogProps, 'targetId' | 'defaultFilters'> {
  /** The person whose history it is. */
  userId: string
}

/**
 * One person's history: the events about them (their profile, role, invitation, shared groups),
 * newest first, as sentences. Made for a tab of the profile dialog; needs `audit:read`.
 * @example <UserHistory userId={user.id} />
 */
export function UserHistory({ userId, title, ...props }: UserHistoryProps) {
  const { t } = useUsherContext()
  return (
    <AuditLog
      data-slot="user-history"
      targetId={userId}
      title={title ?? t('auditLog.userHistoryTitle')}
      {...props}
    />
  )
}
