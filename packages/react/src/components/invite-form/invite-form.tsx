import type { CreateInvitationsResult } from '@usher/contract'
import { type ComponentProps, useId } from 'react'
import { useMe } from '../../hooks/use-me'
import { useRoles } from '../../hooks/use-roles'
import { useViewer } from '../../hooks/use-viewer'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { InviteFormBody } from './invite-form-body'

export interface InviteFormProps extends Omit<ComponentProps<'section'>, 'children' | 'onSubmit'> {
  /**
   * The role new rows start with. A role the viewer may not give falls back to the lowest one
   * they may.
   * @default 'technician'
   */
  defaultRole?: string
  /**
   * Called once the server answered a submit, with its per-row answer (rows created and rows
   * refused, by index in the submitted order).
   * @example onInvited={({ created }) => toast(`${created} invited`)}
   */
  onInvited?: (result: CreateInvitationsResult) => void
}

/**
 * Invite several people at once: rows of salutation, names, email, phone, role, groups and
 * "contact for" topics, validated as you type with the contract's schema and the organization's
 * shared-mailbox list; "paste a list" fills many rows at once. One request sends them all; rows
 * the server created leave the form, rows it refused stay with their error. The roles offered are
 * those the viewer may give, the host's included. Viewers without `users:invite` see why they
 * cannot invite.
 */
export function InviteForm({ defaultRole = 'technician', onInvited, className, ...props }: InviteFormProps) {
  const { t } = useUsherContext()
  const { viewer, status } = useViewer()
  const me = useMe()
  // The organization's roles before the form: its rows start with one of them.
  const roles = useRoles()
  const titleId = useId()
  const state =
    status === 'pending' || roles.isPending
      ? 'loading'
      : status === 'error'
        ? 'error'
        : viewer?.can('users:invite')
          ? 'ready'
          : 'forbidden'

  return (
    <section
      data-slot="invite-form"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-invite-form', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="invite-form-title" className="usher-invite-form-title">
        {t('inviteForm.title')}
      </h2>
      {state === 'loading' ? (
        <p role="status" data-slot="invite-form-loading">
          {t('common.loading')}
        </p>
      ) : state === 'error' ? (
        <div role="alert" data-slot="invite-form-load-error" className="usher-alert">
          {t('inviteForm.loadError')}{' '}
          <button type="button" className="usher-button" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : state === 'forbidden' || !viewer ? (
        <p data-slot="invite-form-forbidden" className="usher-invite-form-forbidden">
          {t('inviteForm.forbidden')}
        </p>
      ) : (
        <InviteFormBody viewer={viewer} defaultRole={defaultRole} onInvited={onInvited} titleId={titleId} />
      )}
    </section>
  )
}
