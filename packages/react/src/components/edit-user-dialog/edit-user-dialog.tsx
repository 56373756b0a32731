import type { User } from '@usher/contract'
import { Tabs } from 'radix-ui'
import { type ComponentType, type ReactNode, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRoles } from '../../hooks/use-roles'
import { useUser } from '../../hooks/use-users'
import { useViewer } from '../../hooks/use-viewer'
import { errorMessage, personName } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame, DialogHeader } from '../../ui/dialog-frame'
import { EditUserForm } from './edit-user-form'
import { PasswordSection } from './password-section'

/** What the dialog's History tab is given: whose history to show. */
export interface EditUserHistoryTabProps {
  userId: string
}

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
  /**
   * The History tab's content, shown to viewers with `audit:read`; without it there is no such
   * tab. The shipped dialog fills it with the person's audit history.
   */
  historyTab?: ComponentType<EditUserHistoryTabProps>
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
  historyTab,
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
          historyTab={historyTab}
          onSaved={(user) => {
            onSaved?.(user)
            close()
          }}
        />
      )}
    </DialogFrame>
  )
}

function EditUserContent({
  userId,
  onSaved,
  historyTab: HistoryTab,
}: {
  userId: string
  onSaved: (user: User) => void
  historyTab: ComponentType<EditUserHistoryTabProps> | undefined
}) {
  const { t } = useUsherContext()
  const me = useMe()
  const { viewer } = useViewer()
  const user = useUser(userId)
  // The organization's roles before the form: its role picker offers them.
  const roles = useRoles()
  // Loaded before the form: a group admin's scope (which groups to show and send) comes from it.
  const groups = useGroups()
  const [formKey, setFormKey] = useState(0)
  const [tab, setTab] = useState('details')

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
    const form = (
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
    // Nobody sets their own password here: that takes the current one (the sign-in's step).
    const password = viewer.id !== user.data.id
    const history = HistoryTab && viewer.can('audit:read')
    // The forms stay mounted (hidden when not shown): what was typed survives a look at another
    // tab. The history loads when first shown.
    body =
      password || history ? (
        <Tabs.Root
          data-slot="edit-user-tabs"
          className="usher-edit-user-tabs"
          value={tab}
          onValueChange={setTab}
        >
          <Tabs.List
            data-slot="edit-user-tab-list"
            className="usher-edit-user-tab-list"
            aria-label={t('editUser.tabs.label')}
          >
            <Tabs.Trigger value="details" className="usher-edit-user-tab">
              {t('editUser.tabs.details')}
            </Tabs.Trigger>
            {password ? (
              <Tabs.Trigger value="password" className="usher-edit-user-tab">
                {t('editUser.tabs.password')}
              </Tabs.Trigger>
            ) : null}
            {history ? (
              <Tabs.Trigger value="history" className="usher-edit-user-tab">
                {t('editUser.tabs.history')}
              </Tabs.Trigger>
            ) : null}
          </Tabs.List>
          <Tabs.Content forceMount hidden={tab !== 'details'} value="details" data-slot="edit-user-details">
            {form}
          </Tabs.Content>
          {password ? (
            <Tabs.Content
              forceMount
              hidden={tab !== 'password'}
              value="password"
              data-slot="edit-user-password"
            >
              <PasswordSection viewer={viewer} user={user.data} />
            </Tabs.Content>
          ) : null}
          {history ? (
            <Tabs.Content value="history" data-slot="edit-user-history">
              <HistoryTab userId={user.data.id} />
            </Tabs.Content>
          ) : null}
        </Tabs.Root>
      ) : (
        form
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
