import type { UserStatus } from '@usher/contract'
import type { ComponentProps } from 'react'
import { cn } from '../lib/cn'
import { formatDateTime, formatRelative } from '../lib/format'
import { useUsherContext } from '../provider/usher-context'

export interface StatusBadgeProps extends Omit<ComponentProps<'span'>, 'children'> {
  status: UserStatus
  /** For invited and expired: when the invitation lapses (or lapsed). */
  invitationExpiresAt?: string | null
}

/** What the Status column shows: invited (with "expires in N days"), expired, active, disabled. */
export function StatusBadge({ status, invitationExpiresAt, className, ...props }: StatusBadgeProps) {
  const { t, locale, now } = useUsherContext()
  const when = invitationExpiresAt ? formatRelative(invitationExpiresAt, now(), locale) : null
  const text =
    status === 'invited' && when
      ? t('status.invitedExpires', { when })
      : status === 'expired' && when
        ? t('status.expiredSince', { when })
        : t(`status.${status}`)
  return (
    <span
      data-slot="status-badge"
      data-status={status}
      className={cn('usher-badge', className)}
      title={invitationExpiresAt ? formatDateTime(invitationExpiresAt, locale) : undefined}
      {...props}
    >
      {text}
    </span>
  )
}
