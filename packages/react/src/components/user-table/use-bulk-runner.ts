import {
  BULK_USERS_MAX,
  type BulkResult,
  type BulkUsersRequest,
  SELF_LOCKED_ACTIONS,
  type User,
} from '@usher/contract'
import { useBulkUsers } from '../../hooks/use-bulk-users'
import type { Translate } from '../../i18n/translate'
import { errorMessage } from '../../lib/error-message'
import { displayName } from './columns'
import type { NoticeApi } from './use-notice'

/** One bulk request, without its users. */
export type BulkRequest =
  | { action: 'changeRole'; role: string }
  | { action: Exclude<BulkUsersRequest['action'], 'changeRole'> }

export interface BulkRunnerOptions {
  t: Translate
  viewerId: string | undefined
  notice: NoticeApi
  /** Keeps these ids ticked once the run is over. */
  onSelectionChange: (ids: ReadonlySet<string>) => void
}

/**
 * Runs a bulk action in chunks the endpoint accepts, then reports every user's outcome: a summary
 * with one line per failure, and the ones that failed stay selected (to retry or look at). Nobody
 * takes a self-locked action on their own account: said here rather than sent.
 */
export function useBulkRunner({ t, viewerId, notice, onSelectionChange }: BulkRunnerOptions) {
  const bulk = useBulkUsers()

  const run = async (users: readonly User[], request: BulkRequest): Promise<boolean> => {
    const names = new Map(users.map((user) => [user.id, displayName(user)]))
    const skipped = SELF_LOCKED_ACTIONS.includes(request.action)
      ? users.filter((user) => user.id === viewerId)
      : []
    const ids = users.filter((user) => !skipped.includes(user)).map((user) => user.id)
    const results: BulkResult['results'] = []
    try {
      for (let start = 0; start < ids.length; start += BULK_USERS_MAX) {
        const userIds = ids.slice(start, start + BULK_USERS_MAX)
        const answer = await bulk.mutateAsync({ ...request, userIds } as BulkUsersRequest)
        results.push(...answer.results)
      }
    } catch (error) {
      notice.fail(errorMessage(t, error))
      return false
    }
    const failures = [
      ...skipped.map((user) =>
        t('userTable.bulk.failure', { name: displayName(user), reason: t('userTable.bulk.selfLocked') }),
      ),
      ...results.flatMap((result) =>
        result.ok
          ? []
          : [
              t('userTable.bulk.failure', {
                name: names.get(result.id) ?? result.id,
                reason: t(`errors.codes.${result.error.code}`),
              }),
            ],
      ),
    ]
    const done = results.filter((result) => result.ok).length
    if (failures.length > 0) {
      const summary = t('userTable.bulk.summary', {
        done: t('userTable.bulk.done', { count: done }),
        failed: t('userTable.bulk.failed', { count: failures.length }),
      })
      notice.fail(summary, failures)
    } else notice.succeed(t('userTable.bulk.allDone', { count: done }))
    onSelectionChange(
      new Set([
        ...skipped.map((user) => user.id),
        ...results.filter((result) => !result.ok).map((result) => result.id),
      ]),
    )
    return true
  }

  return { run, pending: bulk.isPending }
}
