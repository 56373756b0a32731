import { useQueryClient } from '@tanstack/react-query'
import {
  EditUserDialog,
  ImportUsersDialog,
  TeamActivation,
  UserTable,
  type UserTableExtraColumn,
  useMe,
  usePermission,
} from '@usher/react'
import { useMemo, useRef, useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * Settings → Users: Usher's table (with its own shared-groups dialog), one column of the host's
 * own, the edit dialog, and Import for those who may run one.
 */
export function UsersPage({ organizationName }: { organizationName: string }) {
  const { t } = useDemoI18n()
  const canImport = usePermission('imports:run')
  const queryClient = useQueryClient()
  // Usher's own answer for the name: a team just activated under a new name shows it at once.
  const name = useMe().data?.organization.name ?? organizationName
  const [editing, setEditing] = useState<string | null>(null)
  // The row's "..." button that opened the edit dialog: focus goes back there when it closes.
  const editTrigger = useRef<HTMLElement | null>(null)
  // A column of the host's own after Usher's: typed against the user the table renders.
  const extraColumns = useMemo<UserTableExtraColumn[]>(
    () => [
      {
        id: 'phone',
        header: t('users.phone'),
        cell: (user) => user.phone ?? user.mobile ?? '—',
        width: 'minmax(9rem, 0.8fr)',
      },
    ],
    [t],
  )
  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.intro', { org: name })}</PageHeading>
      {/* Seed 002: until the team is named, the owner is asked to (nothing shows afterwards); the
          header's organization switch reads the new name too. */}
      <TeamActivation
        className="relai-team-activation"
        onActivated={() => void queryClient.invalidateQueries({ queryKey: ['demo', 'accounts'] })}
      />
      {canImport ? (
        <div className="relai-page-actions">
          <ImportUsersDialog
            trigger={
              <button type="button" className="relai-button">
                {t('users.import')}
              </button>
            }
          />
        </div>
      ) : null}
      <UserTable
        className="relai-user-table"
        extraColumns={extraColumns}
        onEditUser={(user, trigger) => {
          editTrigger.current = trigger
          setEditing(user.id)
        }}
      />
      {editing ? (
        <EditUserDialog
          userId={editing}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null)
          }}
          onCloseAutoFocus={(event) => {
            const trigger = editTrigger.current
            if (!trigger?.isConnected) return
            event.preventDefault()
            trigger.focus()
          }}
        />
      ) : null}
    </>
  )
}
