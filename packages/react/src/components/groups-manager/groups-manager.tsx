import { buildGroupTree } from '@usher/contract/rules'
import { type ComponentProps, type ComponentType, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { usePermission } from '../../hooks/use-me'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import type { GroupsManagerShareDialogProps, GroupsNotice, OnGroupDone } from './groups-manager-types'
import { GroupsTree } from './groups-tree'
import { NewGroup } from './new-group-form'

export type { GroupsManagerShareDialogProps }

export interface GroupsManagerProps extends Omit<ComponentProps<'section'>, 'children'> {
  /**
   * The dialog a group's "Share" opens, for viewers holding `shares:manage`; without one, no
   * "Share" button shows.
   * @default GroupSharesDialog
   */
  shareDialog?: ComponentType<GroupsManagerShareDialogProps>
}

/**
 * The organization's groups as a tree: add a group (at the top or under another), rename, move
 * under another group, delete an empty one, and share one with people (`shareDialog`). Viewers
 * without `groups:manage` see the tree without controls.
 * @example <GroupsManager />
 */
export function GroupsManager({ shareDialog, className, ...props }: GroupsManagerProps) {
  const { t, locale } = useUsherContext()
  const titleId = useId()
  const groups = useGroups()
  const canManage = usePermission('groups:manage')
  const canShare = usePermission('shares:manage')
  const shareWith = canShare ? shareDialog : undefined
  const [notice, setNotice] = useState<GroupsNotice | null>(null)
  const roots = useMemo(
    () => (groups.data ? buildGroupTree(groups.data, locale) : null),
    [groups.data, locale],
  )
  const noticeRef = useRef<HTMLParagraphElement>(null)
  const [focusNotice, setFocusNotice] = useState(false)
  const say: OnGroupDone = (tone, text, options) => {
    setNotice({ tone, text })
    if (options?.focus) setFocusNotice(true)
  }
  // Once the notice shows: a deleted group's row (and its buttons) is gone, so focus lands here.
  useEffect(() => {
    if (!focusNotice) return
    noticeRef.current?.focus()
    setFocusNotice(false)
  }, [focusNotice])

  return (
    <section
      data-slot="groups-manager"
      aria-labelledby={titleId}
      className={cn('usher-groups-manager', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-groups-manager-title">
        {t('groupsManager.title')}
      </h2>
      {groups.isError ? (
        <div role="alert" className="usher-alert">
          <p>
            {t('groupsManager.loadError')} {errorMessage(t, groups.error)}
          </p>
          <button type="button" className="usher-button" onClick={() => void groups.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !roots || !groups.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          {canManage ? <NewGroup groups={groups.data} onDone={say} /> : null}
          <p
            ref={noticeRef}
            tabIndex={-1}
            role={notice?.tone === 'error' ? 'alert' : 'status'}
            className="usher-groups-manager-notice"
          >
            {notice?.text ?? ''}
          </p>
          {roots.length === 0 ? (
            <p data-slot="groups-manager-empty">
              {canManage ? t('groupsManager.empty') : t('groupsManager.emptyReadOnly')}
            </p>
          ) : (
            <GroupsTree
              nodes={roots}
              all={groups.data}
              label={t('groupsManager.title')}
              canManage={canManage}
              shareDialog={shareWith}
              onDone={say}
            />
          )}
        </>
      )}
    </section>
  )
}
