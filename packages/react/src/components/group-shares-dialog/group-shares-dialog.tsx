import type { SharePermission, User } from '@usher/contract'
import { Dialog } from 'radix-ui'
import { type ReactNode, useId, useMemo, useState } from 'react'
import { useGroupShares } from '../../hooks/use-group-shares'
import { useGroups } from '../../hooks/use-groups'
import { usePermission } from '../../hooks/use-me'
import { type ShareGroupsOutcome, useShareGroups } from '../../hooks/use-share-groups'
import { useUsers } from '../../hooks/use-users'
import { errorMessage, personName } from '../../lib/error-message'
import { useDebouncedValue } from '../../lib/use-debounced-value'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame, DialogHeader } from '../../ui/dialog-frame'

export interface GroupSharesDialogProps {
  /** The group whose people to show and change. */
  groupId: string
  open?: boolean
  /** @default false */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** The element that opens the dialog (rendered as the Radix trigger, `asChild`). */
  trigger?: ReactNode
  /** The dialog panel's class. */
  className?: string
}

/**
 * Sharing from the groups' side: one group, the people it is shared with (permission changed or share
 * removed in place), and people to add — found by name or email, ticked, shared with a permission
 * in one request. The other way round from SharedGroupsDialog (one person, many groups).
 * @example <GroupSharesDialog groupId={group.id} trigger={<button type="button">Share…</button>} />
 */
export function GroupSharesDialog({ groupId, className, ...frame }: GroupSharesDialogProps) {
  return (
    <DialogFrame
      slot="group-shares"
      panelClassName="usher-group-shares"
      className={className}
      focusPanel
      {...frame}
    >
      {() => <GroupSharesContent groupId={groupId} />}
    </DialogFrame>
  )
}

const PERMISSIONS: readonly SharePermission[] = ['view', 'manage']

function GroupSharesContent({ groupId }: { groupId: string }) {
  const { t } = useUsherContext()
  const canManage = usePermission('shares:manage')
  const groups = useGroups()
  const shares = useGroupShares(canManage ? groupId : undefined)
  const share = useShareGroups()
  const [notice, setNotice] = useState<string | null>(null)
  const group = groups.data?.find((g) => g.id === groupId)

  const run = (request: Parameters<typeof share.mutate>[0], done: (count: number) => string) => {
    setNotice(null)
    share.mutate(request, {
      onSuccess: (outcomes) => setNotice(summarize(outcomes, done)),
      onError: (error) => setNotice(errorMessage(t, error)),
    })
  }
  const summarize = (outcomes: ShareGroupsOutcome[], done: (count: number) => string) => {
    const failed: string[] = []
    let ok = 0
    for (const outcome of outcomes) {
      if (!outcome.ok) return errorMessage(t, outcome.error)
      for (const result of outcome.result.results) {
        if (result.ok) ok++
        else failed.push(t(`errors.codes.${result.error.code}`))
      }
    }
    return failed.length ? `${done(ok)} ${t('groupShares.failed', { count: failed.length })}` : done(ok)
  }

  let body: ReactNode
  if (!canManage) {
    body = (
      <p role="alert" className="usher-alert">
        {t('groupShares.forbidden')}
      </p>
    )
  } else if (groups.error || shares.error) {
    body = (
      <div role="alert" className="usher-alert">
        <p>
          {t('groupShares.loadError')} {errorMessage(t, groups.error ?? shares.error)}
        </p>
        <button
          type="button"
          className="usher-button"
          onClick={() => {
            if (groups.isError) void groups.refetch()
            if (shares.isError) void shares.refetch()
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (!groups.data || !shares.data) {
    body = (
      <p role="status" data-slot="group-shares-loading">
        {t('groupShares.loading')}
      </p>
    )
  } else {
    const people = shares.data.items
    body = (
      <>
        <section aria-labelledby={`${groupId}-with`} className="usher-group-shares-section">
          <h3 id={`${groupId}-with`} className="usher-group-shares-heading">
            {t('groupShares.sharedWith', { count: people.length })}
          </h3>
          {people.length === 0 ? (
            <p data-slot="group-shares-none">{t('groupShares.none')}</p>
          ) : (
            <ul className="usher-group-shares-people" aria-labelledby={`${groupId}-with`}>
              {people.map((person) => (
                <li key={person.userId} className="usher-group-shares-person">
                  <span className="usher-group-shares-name">
                    {person.name || person.email}
                    <span className="usher-group-shares-email">{person.email}</span>
                  </span>
                  <select
                    className="usher-input"
                    aria-label={t('groupShares.permissionFor', { name: person.name || person.email })}
                    value={person.permission}
                    disabled={share.isPending}
                    onChange={(event) =>
                      run(
                        {
                          action: 'share',
                          userIds: [person.userId],
                          groupIds: [groupId],
                          permission: event.target.value as SharePermission,
                        },
                        () => t('groupShares.changed', { name: person.name || person.email }),
                      )
                    }
                  >
                    {PERMISSIONS.map((permission) => (
                      <option key={permission} value={permission}>
                        {t(`sharedGroups.permission.${permission}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="usher-button"
                    disabled={share.isPending}
                    aria-label={t('groupShares.removeFor', { name: person.name || person.email })}
                    onClick={() =>
                      run({ action: 'unshare', userIds: [person.userId], groupIds: [groupId] }, () =>
                        t('groupShares.removed', { name: person.name || person.email }),
                      )
                    }
                  >
                    {t('groupShares.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <AddPeople
          groupId={groupId}
          excluded={people.map((person) => person.userId)}
          busy={share.isPending}
          onShare={(userIds, permission) =>
            run({ action: 'share', userIds, groupIds: [groupId], permission }, (count) =>
              t('groupShares.shared', { count }),
            )
          }
        />
      </>
    )
  }

  return (
    <>
      <DialogHeader
        slot="group-shares"
        title={group ? t('groupShares.title', { group: group.name }) : t('groupShares.titleGeneric')}
        description={t('groupShares.description')}
      />
      {body}
      <p role="status" data-slot="group-shares-notice" className="usher-group-shares-notice">
        {notice ?? ''}
      </p>
      <div className="usher-group-shares-footer">
        <Dialog.Close asChild>
          <button type="button" className="usher-button">
            {t('common.close')}
          </button>
        </Dialog.Close>
      </div>
    </>
  )
}

/** Find people by name or email, tick them, pick the permission, share: one request. */
function AddPeople({
  groupId,
  excluded,
  busy,
  onShare,
}: {
  groupId: string
  excluded: readonly string[]
  busy: boolean
  onShare: (userIds: string[], permission: SharePermission) => void
}) {
  const { t } = useUsherContext()
  const id = useId()
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 250)
  const users = useUsers({ ...(q ? { q } : {}), limit: 20 })
  const [chosen, setChosen] = useState<Map<string, User>>(new Map())
  const [permission, setPermission] = useState<SharePermission>('view')
  const found = useMemo(
    () => (users.data?.pages[0]?.items ?? []).filter((user) => !excluded.includes(user.id)),
    [users.data, excluded],
  )
  const toggle = (user: User, on: boolean) =>
    setChosen((previous) => {
      const next = new Map(previous)
      if (on) next.set(user.id, user)
      else next.delete(user.id)
      return next
    })
  // Those already added leave the choice (the list above has them now).
  const picked = [...chosen.values()].filter((user) => !excluded.includes(user.id))

  return (
    <section aria-labelledby={`${groupId}-add`} className="usher-group-shares-section">
      <h3 id={`${groupId}-add`} className="usher-group-shares-heading">
        {t('groupShares.add')}
      </h3>
      <div className="usher-text-field">
        <label htmlFor={`${id}-search`}>{t('groupShares.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          className="usher-input"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {users.isError ? (
        <p role="alert">{errorMessage(t, users.error)}</p>
      ) : !users.data ? (
        <p role="status">{t('groupShares.searching')}</p>
      ) : found.length === 0 ? (
        <p role="status">{t('groupShares.noMatch')}</p>
      ) : (
        <ul className="usher-group-shares-found" aria-label={t('groupShares.found')}>
          {found.map((user) => (
            <li key={user.id}>
              <label className="usher-group-shares-pick">
                <input
                  type="checkbox"
                  checked={chosen.has(user.id)}
                  onChange={(event) => toggle(user, event.target.checked)}
                />
                {personName(user)} <span className="usher-group-shares-email">{user.email}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="usher-group-shares-actions">
        <label htmlFor={`${id}-permission`}>{t('groupShares.permission')}</label>
        <select
          id={`${id}-permission`}
          className="usher-input"
          value={permission}
          onChange={(event) => setPermission(event.target.value as SharePermission)}
        >
          {PERMISSIONS.map((value) => (
            <option key={value} value={value}>
              {t(`sharedGroups.permission.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="usher-button"
          data-variant="primary"
          disabled={busy || picked.length === 0}
          onClick={() => {
            onShare(
              picked.map((user) => user.id),
              permission,
            )
            setChosen(new Map())
          }}
        >
          {busy ? t('groupShares.sharing') : t('groupShares.shareWith', { count: picked.length })}
        </button>
      </div>
    </section>
  )
}
