import type { SharePermission, UserShares } from '@usher/contract'
import { buildGroupTree } from '@usher/contract/rules'
import { isUsherApiError } from '@usher/sdk'
import { useMemo, useRef, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useReplaceUserShares } from '../../hooks/use-replace-user-shares'
import { useUserShares } from '../../hooks/use-user-shares'
import { useUser } from '../../hooks/use-users'
import { errorMessage, personName } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { ChangesSummary, type SummaryLine } from './changes-summary'
import { ConfirmRemoveAll } from './confirm-remove-all'
import { DialogFooter, EmptyGroups, LoadState } from './dialog-parts'
import { flattenIds, withSharedGroups } from './group-filter'
import { GroupTree } from './group-tree'
import {
  applyEdits,
  DEFAULT_PERMISSION,
  diffShares,
  isEmptyDiff,
  type ShareEdits,
  toReplaceShares,
  toShareMap,
  withEdit,
} from './shares-diff'

/**
 * One user's shares: edits laid over the shares as read, saved as the whole set in one
 * `PUT /users/:id/shares` with If-Match. The shares are pinned at the first edit, so a change
 * someone else makes meanwhile gets a 412 on save (reported, never overwritten) instead of being
 * silently merged under the person's eyes.
 */
export function SingleUserEditor({ userId, onSaved }: { userId: string; onSaved: () => void }) {
  const { t } = useUsherContext()
  const groups = useGroups()
  const shares = useUserShares(userId)
  const replace = useReplaceUserShares()
  const [pinned, setPinned] = useState<UserShares | null>(null)
  const [edits, setEdits] = useState<ShareEdits>(() => new Map())
  const [reloading, setReloading] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const saveRef = useRef<HTMLButtonElement>(null)
  // Named in the confirmation; the table's cache usually holds them already.
  const person = useUser(userId)
  const read = pinned ?? shares.data ?? null

  const listed = useMemo(() => withSharedGroups(groups.data ?? [], read?.items ?? []), [groups.data, read])
  const roots = useMemo(() => buildGroupTree(listed), [listed])
  const order = useMemo(() => flattenIds(roots), [roots])
  const names = useMemo(() => new Map(listed.map((group) => [group.id, group.name])), [listed])
  const current = useMemo(() => toShareMap(read?.items ?? []), [read])
  const next = useMemo(() => applyEdits(current, edits), [current, edits])
  const diff = useMemo(() => diffShares(current, next, order), [current, next, order])

  if (!read || !groups.data) {
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

  const edit = (groupId: string, permission: SharePermission | null) => {
    if (pinned === null) setPinned(read)
    setEdits((edits) => withEdit(current, edits, groupId, permission))
  }
  const editAll = (permissionOf: (groupId: string) => SharePermission | null) => {
    if (pinned === null) setPinned(read)
    setEdits((edits) =>
      order.reduce((acc, groupId) => withEdit(current, acc, groupId, permissionOf(groupId)), edits),
    )
  }
  const permissionLabel = (permission: SharePermission) => t(`sharedGroups.permission.${permission}`)
  const name = (groupId: string) => names.get(groupId) ?? groupId
  const lines: SummaryLine[] = [
    ...(diff.added.length > 0
      ? [
          {
            key: 'added',
            kind: 'add' as const,
            label: t('sharedGroups.summary.added', { count: diff.added.length }),
            details: diff.added.map((s) =>
              t('sharedGroups.summary.groupWithPermission', {
                group: name(s.groupId),
                permission: permissionLabel(s.permission),
              }),
            ),
          },
        ]
      : []),
    ...(diff.changed.length > 0
      ? [
          {
            key: 'changed',
            kind: 'change' as const,
            label: t('sharedGroups.summary.changed', { count: diff.changed.length }),
            details: diff.changed.map((s) =>
              t('sharedGroups.summary.permissionChange', {
                group: name(s.groupId),
                from: permissionLabel(s.from),
                to: permissionLabel(s.to),
              }),
            ),
          },
        ]
      : []),
    ...(diff.removed.length > 0
      ? [
          {
            key: 'removed',
            kind: 'remove' as const,
            label: t('sharedGroups.summary.removed', { count: diff.removed.length }),
            details: diff.removed.map((s) => name(s.groupId)),
          },
        ]
      : []),
  ]

  const stale = isUsherApiError(replace.error) && replace.error.code === 'version_mismatch'
  const save = () => {
    replace.mutate(
      { userId, shares: toReplaceShares(next), version: read.version },
      {
        onSuccess: () => {
          setConfirming(false)
          setPinned(null)
          setEdits(new Map())
          onSaved()
        },
      },
    )
  }
  // Their change becomes the base; the person's edits stay on top, to review before saving again.
  const reload = async () => {
    setReloading(true)
    try {
      const fresh = await shares.refetch()
      if (fresh.data) {
        setPinned(fresh.data)
        replace.reset()
      }
    } finally {
      setReloading(false)
    }
  }

  if (order.length === 0) return <EmptyGroups />
  // Leaving the person with no group at all (a technician then sees nothing): asked first.
  const removesAll = current.size > 0 && next.size === 0

  return (
    <>
      <div data-slot="shared-groups-body" className="usher-shared-groups-body">
        <GroupTree
          roots={roots}
          state={(groupId) => {
            const permission = next.get(groupId) ?? null
            return {
              checked: permission !== null,
              permission,
              changed: (current.get(groupId) ?? null) !== permission,
            }
          }}
          onCheckedChange={(groupId, checked) =>
            edit(groupId, checked ? (current.get(groupId) ?? DEFAULT_PERMISSION) : null)
          }
          onPermissionChange={(groupId, permission) => edit(groupId, permission)}
          toolbar={
            <>
              <button
                type="button"
                data-slot="shared-groups-select-all"
                className="usher-button"
                onClick={() =>
                  editAll((groupId) => next.get(groupId) ?? current.get(groupId) ?? DEFAULT_PERMISSION)
                }
              >
                {t('sharedGroups.selectAll')}
              </button>
              <button
                type="button"
                data-slot="shared-groups-clear-all"
                className="usher-button"
                onClick={() => editAll(() => null)}
              >
                {t('sharedGroups.clearAll')}
              </button>
            </>
          }
        />
        <ChangesSummary lines={lines} />
        {replace.isError ? (
          <div
            data-slot="shared-groups-error"
            data-stale={stale || undefined}
            role="alert"
            className="usher-alert"
          >
            {stale ? (
              <>
                <p>{t('sharedGroups.stale.message')}</p>
                <p>{t('sharedGroups.stale.hint')}</p>
                <button
                  type="button"
                  data-slot="shared-groups-reload"
                  className="usher-button"
                  disabled={reloading}
                  onClick={() => void reload()}
                >
                  {t('sharedGroups.stale.reload')}
                </button>
              </>
            ) : (
              <p>{errorMessage(t, replace.error)}</p>
            )}
          </div>
        ) : null}
      </div>
      <DialogFooter closeLabel={t('common.cancel')}>
        <button
          ref={saveRef}
          type="button"
          data-slot="shared-groups-save"
          data-variant="primary"
          className="usher-button"
          disabled={isEmptyDiff(diff) || replace.isPending || stale}
          onClick={() => (removesAll ? setConfirming(true) : save())}
        >
          {replace.isPending ? t('sharedGroups.saving') : t('common.save')}
        </button>
      </DialogFooter>
      <ConfirmRemoveAll
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open)
          if (!open) replace.reset()
        }}
        who={person.data ? personName(person.data) : t('sharedGroups.summary.users', { count: 1 })}
        groups={diff.removed.map((s) => name(s.groupId))}
        onConfirm={save}
        pending={replace.isPending}
        error={confirming && !stale ? replace.error : null}
        onCloseAutoFocus={(event) => {
          // Back on Save (the confirmation has no trigger of its own).
          event.preventDefault()
          saveRef.current?.focus()
        }}
      />
    </>
  )
}
