import type { User } from '@usher/contract'
import type { Translate } from '../../i18n/translate'
import { displayName } from './columns'

/** What the table asks to confirm before it acts: a deletion, a revocation, a bulk deletion. */
export type Confirmation =
  | { kind: 'delete' | 'revoke'; user: User }
  | { kind: 'bulkDelete'; users: readonly User[] }
  | null

export interface ConfirmationWording {
  title: string
  description: string
  confirmLabel: string
}

/** The confirmation dialog's title, description and button for `confirmation`. */
export function confirmationWording(t: Translate, confirmation: Confirmation): ConfirmationWording {
  if (!confirmation) return { title: '', description: '', confirmLabel: '' }
  if (confirmation.kind === 'bulkDelete') {
    const count = confirmation.users.length
    return {
      title: t('userTable.bulk.confirmDeleteTitle', { count }),
      description: t('userTable.bulk.confirmDeleteDescription', {
        names: confirmation.users.map(displayName).join(', '),
      }),
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
  return {
    title: t('userTable.confirmDelete.title', { name }),
    description: t('userTable.confirmDelete.description', { name, email }),
    confirmLabel: t('userTable.confirmDelete.confirm', { name }),
  }
}
