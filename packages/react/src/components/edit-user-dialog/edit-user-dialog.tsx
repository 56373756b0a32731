import type { User } from '@usher/contract'
import { type ReactNode, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRoles } from '../../hooks/use-roles'
import { useUser } from '../../hooks/use-users'
import { useViewer } from '../../hooks/use-viewer'
import { errorMessage, personName } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame, DialogHeader } from '../../ui/dialog-frame'
import { EditUserForm } from './edit-user-form'

export interface EditUserDialogProps {
  /** Whom to edit. */
  userId: string
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean
  /**
   * Open state on first render, when uncontrolled.
   * @default false
   */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** After the change was saved (the dialog then closes), with the user as the server answered. */
  onSaved?(user: User): void
  /** The element that opens the dialog (rendered as the Radix trigger, `asChild`). */
  trigger?: ReactNode
  /** The dialog panel's class. */
  className?: string
  /**
   * Where focus goes once it closes, when it was opened without `trigger` (from a table row's
   * menu): `event.preventDefault()`, then focus the row's "..." button.
   */
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * One person's record: name, nickname, contact details, job title, department,
 * description, SSO id, language, role, groups, "contact for" topics, primary contact, enabled and
 * "change the password at the next sign-in". Only what changed is sent, guarded by the version the
 * form was filled from: someone else's change in between is reported, not overwritten. Nobody
 * changes their own role, groups or enabled flag (the contract's self-locked fields); the roles
 * offered are exactly those the viewer may give, the host's included.
 * @example
 * <EditUserDialog userId={user.id} open={open} onOpenChange={setOpen} />
 */
export function EditUserDialog({
  userId,
  open,
  defaultOpen = false,
  onOpenChange,
  onSaved,
  trigger,
  className,
  onCloseAutoFocus,
}: EditUserDialogProps) {
  return (
    <DialogFrame
      slot="edit-user"
      panelClassName="usher-edit-user"
      className={className}
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
      // The title is read first; Tab then leads to the first field.
      focusPanel
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {(close) => (
        <EditUserContent
          userId={userId}
          onSaved={(user) => {
            onSaved?.(user)
            close()
          }}
        />
      )}
    </DialogFrame>
  )
}

function EditUserContent({ userId, onSaved }: { userId: string; onSaved: (user: User) => void }) {
  const { t } = useUsherContext()
  const me = useMe()
  const { viewer } = useViewer()
  const user = useUser(userId)
  // The organization's roles before the form: its role picker offers them.
  const roles = useRoles()
  // Loaded before the form: a group admin's scope (which groups to show and send) comes from it.
  const groups = useGroups()
  const [formKey, setFormKey] = useState(0)

  let body: ReactNode
  if (me.error || user.error || groups.error) {
    body = (
      <div data-slot="edit-user-load-error" role="alert" className="usher-alert">
        <p>
          {t('editUser.loadError')} {errorMessage(t, user.error ?? me.error ?? groups.error)}
        </p>
        <button
          type="button"
          className="usher-button"
          onClick={() => {
            if (me.isError) void me.refetch()
            if (user.isError) void user.refetch()
            if (groups.isError) void groups.refetch()
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (!viewer || !user.data || !groups.data || roles.isPending) {
    body = (
      <p data-slot="edit-user-loading" role="status" aria-busy="true">
        {t('editUser.loading')}
      </p>
    )
  } else if (!viewer.can('users:update')) {
    body = (
      <p data-slot="edit-user-forbidden" role="alert" className="usher-alert">
        {t('editUser.forbidden')}
      </p>
    )
  } else if (viewer.id !== user.data.id && !viewer.canManage(user.data.role)) {
    // The server's rule: not above one's own role, not a peer for a scoped admin.
    body = (
      <p data-slot="edit-user-forbidden" role="alert" className="usher-alert">
        {t('editUser.notYours', { name: personName(user.data) })}
      </p>
    )
  } else {
    body = (
      <EditUserForm
        // A reload after someone else's change starts the form over from their version.
        key={`${user.data.id}:${formKey}`}
        viewer={viewer}
        user={user.data}
        groups={groups.data}
        onSaved={onSaved}
        onReload={async () => {
          await user.refetch()
          setFormKey((key) => key + 1)
        }}
      />
    )
  }
  return (
    <>
      <DialogHeader
        slot="edit-user"
        title={user.data ? t('editUser.title', { name: personName(user.data) }) : t('editUser.titleGeneric')}
        description={user.data ? user.data.email : t('editUser.description')}
      />
      {body}
    </>
  )
}
