import { useUsersCount } from '../../hooks/use-users'
import { useUsherContext } from '../../provider/usher-context'
import { FilterNotice } from './filter-notice'

export interface LapsedInvitationsNoticeProps {
  /** Whether the list shows only lapsed invitations (the status filter is exactly "expired"). */
  active: boolean
  onActiveChange: (active: boolean) => void
  /** Resends the invitations listed; absent when the viewer may not invite. */
  onResend?: () => void
  /** How many lapsed invitations the list holds now (what Resend sends). */
  listed: number
  enabled: boolean
}

/**
 * How many invitations the viewer can see have lapsed unaccepted (`GET /users/count?status=expired`):
 * whoever sent one is told by mail when it lapses, and here, with a one-click filter to list them
 * and, once listed, a new invitation for each at hand. Says nothing when none has lapsed.
 */
export function LapsedInvitationsNotice(props: LapsedInvitationsNoticeProps) {
  const { active, onActiveChange, onResend, listed, enabled } = props
  const { t } = useUsherContext()
  const count = useUsersCount({ status: ['expired'] }, { enabled })
  const n = count.data?.count ?? 0
  if (!active && n === 0) return null
  return (
    <FilterNotice
      slot="user-table-lapsed"
      active={active}
      onActiveChange={onActiveChange}
      found={t('userTable.lapsed.found', { count: n })}
      showing={t('userTable.lapsed.showing')}
      showLabel={t('userTable.lapsed.show')}
      showAllLabel={t('userTable.lapsed.showAll')}
      action={
        onResend && listed > 0 ? (
          <button type="button" className="usher-button" onClick={onResend}>
            {t('userTable.lapsed.resend', { count: listed })}
          </button>
        ) : null
      }
    />
  )
}
