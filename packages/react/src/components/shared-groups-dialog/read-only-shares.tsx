import { buildGroupTree } from '@usher/contract/rules'
import { useMemo } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useUserShares } from '../../hooks/use-user-shares'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFooter, LoadState } from './dialog-parts'
import { withSharedGroups } from './group-filter'
import { GroupTree } from './group-tree'
import { coveringAncestor, toShareMap } from './shares-diff'

/**
 * For a viewer without `shares:manage` (a technician looking at their own): the shared groups and
 * the subgroups they include, with the permission as text; nothing to tick.
 */
export function ReadOnlyShares({ userId, name }: { userId: string; name: string }) {
  const { t } = useUsherContext()
  const groups = useGroups()
  const shares = useUserShares(userId)
  const view = useMemo(() => {
    if (!groups.data || !shares.data) return null
    const all = withSharedGroups(groups.data, shares.data.items)
    const current = toShareMap(shares.data.items)
    const parentOf = new Map(all.map((group) => [group.id, group.parentId]))
    const shown = all.filter(
      (group) =>
        current.has(group.id) || coveringAncestor(group.id, parentOf, (id) => current.has(id)) !== null,
    )
    return { current, roots: buildGroupTree(shown) }
  }, [groups.data, shares.data])

  if (!view) {
    return (
      <LoadState
        error={groups.error ?? shares.error}
        onRetry={() => {
          if (groups.isError) void groups.refetch()
          if (shares.isError) void shares.refetch()
        }}
      />
    )
  }
  return (
    <>
      <div data-slot="shared-groups-body" className="usher-shared-groups-body">
        {view.roots.length === 0 ? (
          <p data-slot="shared-groups-none" role="status" className="usher-shared-groups-empty">
            {t('sharedGroups.readOnlyNone', { name })}
          </p>
        ) : (
          <GroupTree
            readOnly
            roots={view.roots}
            state={(groupId) => {
              const permission = view.current.get(groupId) ?? null
              return { checked: permission !== null, permission }
            }}
          />
        )}
      </div>
      <DialogFooter />
    </>
  )
}
