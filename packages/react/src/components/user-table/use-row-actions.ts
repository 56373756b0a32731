import type { User, UserAction } from '@usher/contract'
import { useRef, useState } from 'react'
import { useDeleteUser } from '../../hooks/use-delete-user'
import { useResendInvitation } from '../../hooks/use-resend-invitation'
import { useRevokeInvitation } from '../../hooks/use-revoke-invitation'
import { useUpdateUser } from '../../hooks/use-update-user'
import type { Translate } from '../../i18n/translate'
import { errorMessage } from '../../lib/error-message'
import { useStableCallback } from '../../lib/use-stable-callback'
import { displayName } from './columns'
import type { Confirmation } from './confirmation'
import type { NoticeApi } from './use-notice'

export interface RowActionsOptions {
  t: Translate
  roleName: (role: string) => string
  notice: NoticeApi
  onEditUser: ((user: User, trigger: HTMLElement | null) => void) | undefined
  onShareGroups: (userIds: string[], opener?: HTMLElement | null) => void
}

/**
 * What a row's menu does: each action sent to its endpoint with a notice of the outcome, the
 * ones that take access away (delete, revoke, disable) behind a confirmation. The handlers keep their identity, so
 * memoized rows do not re-render. `mutateAsync`, not `mutate`'s callbacks: those fire only for the
 * latest call, and two rows may be changed before the first answer lands.
 */
export function useRowActions({ t, roleName, notice, onEditUser, onShareGroups }: RowActionsOptions) {
  const updateUser = useUpdateUser()
  const deleteUser = useDeleteUser()
  const resend = useResendInvitation()
  const revoke = useRevokeInvitation()
  const [confirmation, setConfirmation] = useState<Confirmation>(null)
  const [confirmError, setConfirmError] = useState<string | null>(null)
  /** Where focus returns once a confirmation closes (the row's "..." button). */
  const returnFocus = useRef<HTMLElement | null>(null)
  const failed = (user: User) => (error: unknown) =>
    notice.fail(t('userTable.notices.failed', { name: displayName(user), reason: errorMessage(t, error) }))

  const ask = (next: Confirmation) => {
    setConfirmError(null)
    setConfirmation(next)
  }

  const changeRole = useStableCallback((user: User, role: string) => {
    const name = displayName(user)
    updateUser.mutateAsync({ id: user.id, version: user.version, patch: { role } }).then(
      () => notice.succeed(t('userTable.notices.roleChanged', { name, role: roleName(role) })),
      (error: unknown) =>
        notice.fail(t('userTable.notices.roleFailed', { name, reason: errorMessage(t, error) })),
    )
  })

  const onAction = useStableCallback((action: UserAction, user: User, trigger: HTMLElement | null) => {
    const name = displayName(user)
    returnFocus.current = trigger
    notice.clear()
    switch (action) {
      case 'edit':
        onEditUser?.(user, trigger)
        return
      case 'shareGroups':
        onShareGroups([user.id], trigger)
        return
      case 'changeRole':
        return
      case 'resendInvitation':
        if (user.invitationId)
          resend
            .mutateAsync(user.invitationId)
            .then(() => notice.succeed(t('userTable.notices.resent', { email: user.email })), failed(user))
        return
      case 'enable':
        updateUser
          .mutateAsync({ id: user.id, version: user.version, patch: { enabled: true } })
          .then(() => notice.succeed(t('userTable.notices.enabled', { name })), failed(user))
        return
      case 'disable':
        ask({ kind: 'disable', user })
        return
      case 'forcePasswordChange':
        updateUser
          .mutateAsync({ id: user.id, version: user.version, patch: { mustChangePassword: true } })
          .then(() => notice.succeed(t('userTable.notices.passwordChangeForced', { name })), failed(user))
        return
      case 'revokeInvitation':
      case 'delete':
        ask({ kind: action === 'delete' ? 'delete' : 'revoke', user })
        return
    }
  })

  /** Takes the confirmed action on one person (a bulk one is the runner's). */
  const confirmSingle = (current: Exclude<Confirmation, null | { kind: 'bulk' }>) => {
    const { user } = current
    const name = displayName(user)
    const onError = (error: unknown) => setConfirmError(errorMessage(t, error))
    if (current.kind === 'disable') {
      updateUser
        .mutateAsync({ id: user.id, version: user.version, patch: { enabled: false } })
        .then((updated) => {
          setConfirmation(null)
          // Disabling is reversible: the notice offers the way back, with the new version.
          const undo = () => {
            notice.clear()
            updateUser
              .mutateAsync({ id: updated.id, version: updated.version, patch: { enabled: true } })
              .then(() => notice.succeed(t('userTable.notices.enabled', { name })), failed(user))
          }
          notice.succeed(t('userTable.notices.disabled', { name }), {
            label: t('userTable.notices.undo'),
            onClick: undo,
          })
        }, onError)
    } else if (current.kind === 'delete') {
      deleteUser.mutateAsync(user.id).then(() => {
        setConfirmation(null)
        notice.succeed(t('userTable.notices.deleted', { name }))
      }, onError)
    } else if (user.invitationId) {
      revoke.mutateAsync({ invitationId: user.invitationId, userId: user.id }).then(() => {
        setConfirmation(null)
        notice.succeed(t('userTable.notices.revoked', { name }))
      }, onError)
    }
  }

  return {
    onAction,
    changeRole,
    confirmation,
    ask,
    close: () => setConfirmation(null),
    confirmError,
    confirmSingle,
    returnFocus,
    pending: deleteUser.isPending || revoke.isPending || updateUser.isPending,
  }
}
