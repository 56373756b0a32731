import { useUsersCount } from '../../hooks/use-users'
import { useUsherContext } from '../../provider/usher-context'
import { FilterNotice } from './filter-notice'

export interface SeesNothingNoticeProps {
  /** Whether the list shows only these people (the one-click filter is on). */
  active: boolean
  onActiveChange: (active: boolean) => void
  /** Opens Shared groups for the people listed; absent when the viewer may not share. */
  onShare?: (opener: HTMLElement) => void
  enabled: boolean
}

/**
 * How many people the viewer can see who see no group yet (`GET /users/count?seesNothing=true`,
 * the contract's rule on the server), with a one-click filter to list them and, once listed, the
 * Shared groups action for all of them at hand. Says nothing when there is nobody to mention.
 */
export function SeesNothingNotice({ active, onActiveChange, onShare, enabled }: SeesNothingNoticeProps) {
  const { t } = useUsherContext()
  const count = useUsersCount({ seesNothing: 'true' }, { enabled })
  const n = count.data?.count ?? 0
  if (!active && n === 0) return null
  return (
    <FilterNotice
      slot="user-table-sees-nothing"
      active={active}
      onActiveChange={onActiveChange}
      found={t('userTable.seesNothing.found', { count: n })}
      showing={t('userTable.seesNothing.showing')}
      showLabel={t('userTable.seesNothing.show')}
      showAllLabel={t('userTable.seesNothing.showAll')}
      action={
        onShare && n > 0 ? (
          <button type="button" className="usher-button" onClick={(event) => onShare(event.currentTarget)}>
            {t('userTable.seesNothing.share')}
          </button>
        ) : null
      }
    />
  )
}
