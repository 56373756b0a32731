import type { ReactNode } from 'react'
import { useMe } from '../../hooks/use-me'
import { useUser } from '../../hooks/use-users'
import { personName } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame, DialogHeader } from '../../ui/dialog-frame'
import { DialogFooter, LoadState } from './dialog-parts'
import { ManyUsersEditor } from './many-users-editor'
import { ReadOnlyShares } from './read-only-shares'
import { SingleUserEditor } from './single-user-editor'

export interface SharedGroupsDialogProps {
  /**
   * Whose shared groups: one id edits that person's set (saved in one request, guarded by its
   * version); several share or remove groups for all of them at once (one request per action).
   */
  userIds: readonly string[]
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean
  /**
   * Open state on first render, when uncontrolled.
   * @default false
   */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** After a save went through: one user's (the dialog then closes) or a bulk one (results stay shown). */
  onSaved?(): void
  /**
   * The element that opens the dialog, e.g. a button (rendered as the Radix trigger, `asChild`).
   * @example <SharedGroupsDialog userIds={[user.id]} trigger={<button type="button">Groups</button>} />
   */
  trigger?: ReactNode
  /** The dialog panel's class. */
  className?: string
  /**
   * Where focus goes once it closes, when it was opened without `trigger` (from a menu, a
   * table's row): `event.preventDefault()`, then focus what opened it.
   */
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * Which customer groups people may see, for one person or many at once (share, share all, remove
 * all): a searchable nested list of groups with a checkbox and a permission (`view` / `manage`)
 * each, "Select all" / "Clear all", and what will change before saving. A share of a group
 * covers its subgroups on the server: their rows say so, and stay editable so a subgroup can get a
 * permission of its own. Viewers without `shares:manage` see the shares without controls.
 * @example
 * <SharedGroupsDialog userIds={[user.id]} open={open} onOpenChange={setOpen} />
 */
export function SharedGroupsDialog({
  userIds,
  open,
  defaultOpen = false,
  onOpenChange,
  onSaved,
  trigger,
  className,
  onCloseAutoFocus,
}: SharedGroupsDialogProps) {
  const mode = userIds.length > 1 ? 'many' : 'one'
  return (
    <DialogFrame
      slot="shared-groups"
      panelClassName="usher-shared-groups"
      className={className}
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
      // The title and description are read first; the groups arrive after opening, and Tab then
      // leads to the search field.
      focusPanel
      onCloseAutoFocus={onCloseAutoFocus}
      panelData={{ 'data-mode': mode }}
    >
      {(close) => (
        <SharedGroupsContent
          userIds={userIds}
          onSaved={(closeAfter) => {
            onSaved?.()
            if (closeAfter) close()
          }}
        />
      )}
    </DialogFrame>
  )
}

function SharedGroupsContent({
  userIds,
  onSaved,
}: {
  userIds: readonly string[]
  onSaved: (close: boolean) => void
}) {
  const { t } = useUsherContext()
  const me = useMe()
  const single = userIds.length === 1 ? userIds[0] : undefined
  const user = useUser(single)
  const name = user.data ? personName(user.data) : null
  const canManage = me.data?.permissions.includes('shares:manage') ?? false

  const title =
    single === undefined
      ? t('sharedGroups.titleMany', { count: userIds.length })
      : name
        ? t('sharedGroups.titleOne', { name })
        : t('sharedGroups.title')
  const description =
    single === undefined
      ? t('sharedGroups.descriptionMany')
      : canManage
        ? t('sharedGroups.descriptionOne', { name: name ?? '…' })
        : t('sharedGroups.descriptionReadOnly', { name: name ?? '…' })

  let body: ReactNode
  if (userIds.length === 0) {
    body = (
      <>
        <div data-slot="shared-groups-body" className="usher-shared-groups-body">
          <p role="status">{t('sharedGroups.noUsers')}</p>
        </div>
        <DialogFooter />
      </>
    )
  } else if (!me.data || (single !== undefined && !user.data)) {
    body = (
      <LoadState
        error={me.error ?? user.error}
        onRetry={() => {
          if (me.isError) void me.refetch()
          if (user.isError) void user.refetch()
        }}
      />
    )
  } else if (!canManage && single === undefined) {
    body = (
      <>
        <div data-slot="shared-groups-body" className="usher-shared-groups-body">
          <p role="alert" className="usher-alert">
            {t('sharedGroups.forbiddenMany')}
          </p>
        </div>
        <DialogFooter />
      </>
    )
  } else if (single !== undefined && !canManage) {
    body = <ReadOnlyShares userId={single} name={name ?? ''} />
  } else if (single !== undefined) {
    body = <SingleUserEditor userId={single} onSaved={() => onSaved(true)} />
  } else {
    body = <ManyUsersEditor userIds={userIds} onSaved={() => onSaved(false)} />
  }

  return (
    <>
      <DialogHeader slot="shared-groups" title={title} description={description} />
      {body}
    </>
  )
}
