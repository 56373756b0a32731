import type { User } from '@usher/contract'
import type { Translate } from '../../i18n/translate'
import { displayName } from './columns'

/** The bulk actions that ask first: they take someone's access or permissions away. */
export type ConfirmedBulkAction = 'delete' | 'disable' | 'changeRole'

/**
 * What the table asks to confirm before it acts: a deletion, a revocation, a disabling, and the
 * bulk deletion, disabling and role change — each names who and what.
 */
export type Confirmation =
  | { kind: 'delete' | 'revoke' | 'disable'; user: User }
  | { kind: 'bulk'; action: ConfirmedBulkAction; users: readonly User[]; role?: string; roleLabel?: string }
  | null

export interface ConfirmationWording {
  title: string
  description: string
  confirmLabel: string
}

/** The confirmation dialog's title, description and button for `confirmation`. */
export function confirmationWording(t: Translate, confirmation: Confirmation): ConfirmationWording {
  if (!confirmation) return { title: '', description: '', confirmLabel: '' }
  if (confirmation.kind === 'bulk') {
    const count = confirmation.users.length
    const names = confirmation.users.map(displayName).join(', ')
    if (confirmation.action === 'changeRole') {
      const role = confirmation.roleLabel ?? ''
      return {
        title: t('userTable.bulk.confirmRoleTitle', { count, role }),
        description: t('userTable.bulk.confirmRoleDescription', { names, role }),
        confirmLabel: t('userTable.bulk.confirmRole', { count, role }),
      }
    }
    if (confirmation.action === 'disable') {
      return {
        title: t('userTable.bulk.confirmDisableTitle', { count }),
        description: t('userTable.bulk.confirmDisableDescription', { names }),
        confirmLabel: t('userTable.bulk.confirmDisable', { count }),
      }
    }
    return {
      title: t('userTable.bulk.confirmDeleteTitle', { count }),
      description: t('userTable.bulk.confirmDeleteDescription', { names }),
      confirmLabel: t('userTable.bulk.confirmDelete', { count }),
    }
  }
  const name = displayName(confirmation.user)
  const email = confirmation.user.email
  if (confirmation.kind === 'revoke') {
    return {
      title: t('userTable.confirmRevoke.title', { name }),
      description: t('userTable.confirmRevoke.description', { name, email }),
      confirmLabel: t('userTable.confirmRevoke.confirm'),
    }
  }
  if (confirmation.kind === 'disable') {
    return {
      title: t('userTable.confirmDisable.title', { name }),
      description: t('userTable.confirmDisable.description', { name, email }),
      confirmLabel: t('userTable.confirmDisable.confirm', { name }),
    }
  }
  return {
    title: t('userTable.confirmDelete.title', { name }),
    description: t('userTable.confirmDelete.description', { name, email }),
    confirmLabel: t('userTable.confirmDelete.confirm', { name }),
  }
}
