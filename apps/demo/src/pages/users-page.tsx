import {
  EditUserDialog,
  SharedGroupsDialog,
  TeamActivation,
  UserTable,
  type UserTableExtraColumn,
} from '@usher/react'
import { useMemo, useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/** Settings → Users: Usher's table, with one column of the host's own, its edit and shared-groups dialogs. */
export function UsersPage({ organizationName }: { organizationName: string }) {
  const { t } = useDemoI18n()
  const [sharing, setSharing] = useState<string[] | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
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
      <PageHeading title={t('users.title')}>{t('users.intro', { org: organizationName })}</PageHeading>
      {/* Seed 002: until the team is named, the owner is asked to (nothing shows afterwards). */}
      <TeamActivation className="relai-team-activation" />
      <UserTable
        className="relai-user-table"
        extraColumns={extraColumns}
        onShareGroups={setSharing}
        onEditUser={(user) => setEditing(user.id)}
      />
      {editing ? (
        <EditUserDialog
          userId={editing}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null)
          }}
        />
      ) : null}
      {sharing ? (
        <SharedGroupsDialog
          userIds={sharing}
          open
          onOpenChange={(open) => {
            if (!open) setSharing(null)
          }}
        />
      ) : null}
    </>
  )
}
