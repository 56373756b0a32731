import { useQueries, useQueryClient } from '@tanstack/react-query'
import type { BulkSharesRequest, SharePermission } from '@usher/contract'
import { buildGroupTree } from '@usher/contract/rules'
import { type RefObject, useMemo, useRef, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { type ShareGroupsOutcome, useShareGroups } from '../../hooks/use-share-groups'
import { errorMessage, personName } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { userQueryOptions, userSharesQueryOptions } from '../../query/options'
import { findCachedUser } from '../../query/users-cache'
import { ChangesSummary, type SummaryLine } from './changes-summary'
import { ConfirmRemoveAll } from './confirm-remove-all'
import { DialogFooter, EmptyGroups, LoadState } from './dialog-parts'
import { flattenIds } from './group-filter'
import { GroupTree } from './group-tree'
import {
  type BulkEdit,
  type BulkEdits,
  bulkCheckedState,
  bulkRequests,
  coverageOf,
  DEFAULT_PERMISSION,
  isEmptyPlan,
  outcomesByUser,
  permissionBulkEdit,
  planBulk,
  type ShareMap,
  toggleBulkEdit,
  toShareMap,
  type UserOutcome,
} from './shares-diff'

/**
 * Beyond this many users the dialog does not read each one's shares (one request per user): the
 * boxes then start "as they are" and only the groups the person ticks or unticks change.
 */
export const MANY_USERS_PREVIEW_MAX = 50

interface Results {
  users: UserOutcome[]
  failedRequests: { request: BulkSharesRequest; error: unknown }[]
  /** Names as the caches held them before the save (a deleted user leaves the lists after it). */
  names: Map<string, string>
}

/**
 * Many users at once: each group is shared with everyone, removed from everyone, or left as it
 * is (a box some of them hold shows as mixed). Saving sends one `POST /shares/bulk` per action —
 * share with view, share with manage, unshare — and lists each user's result.
 */
export function ManyUsersEditor({ userIds, onSaved }: { userIds: readonly string[]; onSaved: () => void }) {
  const { t, client } = useUsherContext()
  const queryClient = useQueryClient()
  const groups = useGroups()
  const preview = userIds.length <= MANY_USERS_PREVIEW_MAX
  const shares = useQueries({
    queries: userIds.map((userId) => ({ ...userSharesQueryOptions(client, userId), enabled: preview })),
    combine: (results) => ({
      maps: results.every((r) => r.data) ? results.map((r) => toShareMap(r.data?.items ?? [])) : null,
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => {
        for (const r of results) if (r.error) void r.refetch()
      },
    }),
  })
  const bulk = useShareGroups()
  const [edits, setEdits] = useState<BulkEdits>(() => new Map())
  const [results, setResults] = useState<Results | null>(null)
  const [confirming, setConfirming] = useState(false)
  const resultsRef = useRef<HTMLElement>(null)
  const saveRef = useRef<HTMLButtonElement>(null)

  const roots = useMemo(() => buildGroupTree(groups.data ?? []), [groups.data])
  const order = useMemo(() => flattenIds(roots), [roots])
  const names = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.name])), [groups.data])
  const sharesMaps: ShareMap[] | null = shares.maps
  const coverage = useMemo(() => coverageOf(preview ? sharesMaps : null), [preview, sharesMaps])
  const plan = useMemo(() => planBulk(edits, coverage, order), [edits, coverage, order])

  // Users whose name the caches do not hold: read them, to name them in the results.
  const unnamed = results
    ? results.users.filter((u) => !u.ok && !results.names.has(u.userId)).map((u) => u.userId)
    : []
  const fetchedNames = useQueries({
    queries: unnamed.map((userId) => ({ ...userQueryOptions(client, userId), retry: false })),
    combine: (found) =>
      new Map(found.flatMap((r) => (r.data ? [[r.data.id, personName(r.data)] as const] : []))),
  })

  if (!groups.data || (preview && !sharesMaps)) {
    return (
      <LoadState
        error={groups.error ?? shares.error}
        onRetry={() => {
          if (groups.isError) void groups.refetch()
          shares.refetch()
        }}
      />
    )
  }
  if (order.length === 0) return <EmptyGroups />

  const setEdit = (groupId: string, edit: BulkEdit | undefined) =>
    setEdits((edits) => {
      const next = new Map(edits)
      if (edit) next.set(groupId, edit)
      else next.delete(groupId)
      return next
    })
  const selectAll = () =>
    setEdits((edits) => {
      const next = new Map(edits)
      for (const groupId of order) {
        const held = coverage(groupId)
        if (bulkCheckedState(held, next.get(groupId)).checked === true) continue
        // Everyone holding it already: back to as it is, not to the default permission.
        if (held.kind === 'all') next.delete(groupId)
        else next.set(groupId, { action: 'share', permission: DEFAULT_PERMISSION })
      }
      return next
    })
  const clearAll = () =>
    setEdits(() => {
      const next = new Map<string, BulkEdit>()
      for (const groupId of order) {
        const edit = toggleBulkEdit(coverage(groupId), undefined, false)
        if (edit) next.set(groupId, edit)
      }
      return next
    })

  const permissionLabel = (permission: SharePermission) => t(`sharedGroups.permission.${permission}`)
  const requests = bulkRequests(plan, userIds, order)
  const usersLabel = t('sharedGroups.summary.users', { count: userIds.length })
  const groupsLabel = (ids: string[] | 'all') =>
    ids === 'all'
      ? t('sharedGroups.summary.allGroups', { count: order.length })
      : t('sharedGroups.summary.groups', { count: ids.length })
  const describe = (request: BulkSharesRequest) =>
    request.action === 'share'
      ? t('sharedGroups.summary.shareMany', {
          groups: groupsLabel(request.groupIds),
          users: usersLabel,
          permission: permissionLabel(request.permission),
        })
      : t('sharedGroups.summary.removeMany', { groups: groupsLabel(request.groupIds), users: usersLabel })
  const lines: SummaryLine[] = requests.map((request, index) => ({
    key: `${request.action}-${request.permission ?? ''}-${index}`,
    kind: request.action === 'share' ? 'add' : 'remove',
    label: describe(request),
    details: (request.groupIds === 'all' ? order : request.groupIds).map((id) => names.get(id) ?? id),
  }))

  // "Clear all" saved: every group removed from everyone (a technician then sees nothing): asked first.
  const removesAll =
    requests.length === 1 && requests[0]?.action === 'unshare' && requests[0].groupIds === 'all'
  const cachedNames = userIds.flatMap((userId) => {
    const user = findCachedUser(queryClient, userId)
    return user ? [personName(user)] : []
  })
  // Up to three people by name, more by their count.
  const whoLabel =
    cachedNames.length === userIds.length && userIds.length <= 3 ? cachedNames.join(', ') : usersLabel

  const save = () => {
    // Names first: a user deleted meanwhile leaves the cached lists once they refresh.
    const known = new Map<string, string>()
    for (const userId of userIds) {
      const user = findCachedUser(queryClient, userId)
      if (user) known.set(userId, personName(user))
    }
    setResults(null)
    bulk.mutate(requests, {
      onSuccess: (outcomes: ShareGroupsOutcome[]) => {
        setConfirming(false)
        setResults({
          users: outcomesByUser(userIds, outcomes),
          failedRequests: outcomes.flatMap((o) => (o.ok ? [] : [{ request: o.request, error: o.error }])),
          names: known,
        })
        setEdits(new Map())
        onSaved()
      },
    })
  }

  return (
    <>
      <div data-slot="shared-groups-body" className="usher-shared-groups-body">
        {preview ? null : (
          <p data-slot="shared-groups-not-previewed" className="usher-shared-groups-note">
            {t('sharedGroups.notPreviewed', { max: MANY_USERS_PREVIEW_MAX })}
          </p>
        )}
        <GroupTree
          roots={roots}
          state={(groupId) => {
            const held = coverage(groupId)
            const edit = edits.get(groupId)
            return {
              ...bulkCheckedState(held, edit),
              changed: edit !== undefined,
              note:
                held.kind === 'some' && edit === undefined
                  ? t('sharedGroups.someUsers', { count: held.users, total: held.total })
                  : undefined,
            }
          }}
          onCheckedChange={(groupId, checked) =>
            setEdit(groupId, toggleBulkEdit(coverage(groupId), edits.get(groupId), checked))
          }
          onPermissionChange={(groupId, permission) =>
            setEdit(groupId, permissionBulkEdit(coverage(groupId), permission))
          }
          toolbar={
            <>
              <button
                type="button"
                data-slot="shared-groups-select-all"
                className="usher-button"
                onClick={selectAll}
              >
                {t('sharedGroups.selectAll')}
              </button>
              <button
                type="button"
                data-slot="shared-groups-clear-all"
                className="usher-button"
                onClick={clearAll}
              >
                {t('sharedGroups.clearAll')}
              </button>
            </>
          }
        />
        <ChangesSummary lines={lines} />
        {bulk.isError ? (
          <div data-slot="shared-groups-error" role="alert" className="usher-alert">
            <p>{errorMessage(t, bulk.error)}</p>
          </div>
        ) : null}
        {results ? (
          <BulkResults
            sectionRef={resultsRef}
            results={results}
            fetchedNames={fetchedNames}
            describe={describe}
          />
        ) : null}
      </div>
      <DialogFooter closeLabel={results ? t('common.close') : t('common.cancel')}>
        <button
          ref={saveRef}
          type="button"
          data-slot="shared-groups-save"
          data-variant="primary"
          className="usher-button"
          disabled={isEmptyPlan(plan) || bulk.isPending}
          onClick={() => (removesAll ? setConfirming(true) : save())}
        >
          {bulk.isPending ? t('sharedGroups.saving') : t('common.save')}
        </button>
      </DialogFooter>
      <ConfirmRemoveAll
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open)
          if (!open) bulk.reset()
        }}
        who={whoLabel}
        groups={order.map((id) => names.get(id) ?? id)}
        onConfirm={save}
        pending={bulk.isPending}
        error={confirming ? bulk.error : null}
        onCloseAutoFocus={(event) => {
          // Saved: Save is disabled now, so focus goes to what happened; cancelled: back on Save.
          event.preventDefault()
          ;(resultsRef.current ?? saveRef.current)?.focus()
        }}
      />
    </>
  )
}

function BulkResults({
  sectionRef,
  results,
  fetchedNames,
  describe,
}: {
  sectionRef: RefObject<HTMLElement | null>
  results: Results
  fetchedNames: Map<string, string>
  describe: (request: BulkSharesRequest) => string
}) {
  const { t } = useUsherContext()
  const done = results.users.filter((u) => u.ok)
  const failed = results.users.filter((u) => !u.ok)
  const total = (key: 'added' | 'changed' | 'removed') => done.reduce((sum, u) => sum + u[key], 0)
  const nameOf = (userId: string) =>
    results.names.get(userId) ?? fetchedNames.get(userId) ?? t('sharedGroups.results.unknownUser')
  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      data-slot="shared-groups-results"
      aria-label={t('sharedGroups.results.heading')}
      className="usher-shared-groups-results"
    >
      <div role="status">
        {done.length > 0 ? (
          <p data-slot="shared-groups-results-done">
            {t('sharedGroups.results.done', { count: done.length })}{' '}
            {t('sharedGroups.results.totals', {
              added: total('added'),
              changed: total('changed'),
              removed: total('removed'),
            })}
          </p>
        ) : null}
      </div>
      {failed.length > 0 || results.failedRequests.length > 0 ? (
        <div role="alert" className="usher-alert" data-slot="shared-groups-results-failed">
          {results.failedRequests.map(({ request, error }) => (
            <p key={`${request.action}-${request.permission ?? ''}`}>
              {t('sharedGroups.results.requestFailed', {
                action: describe(request),
                reason: errorMessage(t, error),
              })}
            </p>
          ))}
          {failed.length > 0 ? (
            <>
              <p>{t('sharedGroups.results.failed', { count: failed.length })}</p>
              <ul>
                {failed.map((u) => (
                  <li key={u.userId}>
                    {t('sharedGroups.results.failure', {
                      name: nameOf(u.userId),
                      reason: u.error ? t(`errors.codes.${u.error.code}`) : t('common.unknownError'),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
