import { type CreateInvitationsResult, INVITATIONS_PER_REQUEST_MAX } from '@usher/contract'
import { useMemo } from 'react'
import { FormProvider } from 'react-hook-form'
import { useGroups } from '../../hooks/use-groups'
import { useRoleName } from '../../hooks/use-role-name'
import type { Viewer } from '../../hooks/use-viewer'
import { useUsherContext } from '../../provider/usher-context'
import { InviteRow } from './invite-row'
import { InviteSeats } from './invite-seats'
import { MessageField } from './message-field'
import { PasteAddresses } from './paste-addresses'
import { RequestAlert } from './request-alert'
import { refusedRowIds } from './server-errors'
import { useInviteForm } from './use-invite-form'

export interface InviteFormBodyProps {
  viewer: Viewer
  defaultRole: string
  onInvited: ((result: CreateInvitationsResult) => void) | undefined
  titleId: string
}

/** The form itself, once the viewer is known and may invite. */
export function InviteFormBody({ viewer, defaultRole, onInvited, titleId }: InviteFormBodyProps) {
  const { t } = useUsherContext()
  const roleName = useRoleName()
  const groups = useGroups()
  const { me } = viewer
  const settings = me.organization.settings

  // Exactly the roles the viewer may give, highest first, as the server judges them.
  const roleOptions = useMemo(
    () => viewer.assignableRoles.map((role) => ({ value: role, label: roleName(role) })),
    [viewer.assignableRoles, roleName],
  )
  const initialRole = viewer.assignableRoles.includes(defaultRole)
    ? defaultRole
    : (viewer.assignableRoles.at(-1) ?? defaultRole)
  const topicOptions = useMemo(
    () => settings.contactTopics.map((topic) => ({ value: topic.key, label: topic.label })),
    [settings.contactTopics],
  )
  const invite = useInviteForm({ refusedMailboxes: settings.refusedMailboxes, initialRole, onInvited })
  const { form, fields, serverErrors, busy } = invite
  const refused = useMemo(() => refusedRowIds(serverErrors), [serverErrors])
  const rowIds = fields.map((field) => field.id)

  return (
    <FormProvider {...form}>
      <form
        data-slot="invite-form-form"
        data-busy={busy ? '' : undefined}
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        noValidate
        className="usher-invite-form-form"
        onSubmit={invite.onSubmit}
      >
        <p data-slot="invite-form-intro" className="usher-invite-form-intro">
          {t('inviteForm.intro', { count: settings.invitationLifetimeDays })}
        </p>
        {me.organization.activatedAt === null ? (
          <p data-slot="invite-form-notice" className="usher-alert">
            {t('errors.codes.team_not_activated')}
          </p>
        ) : null}
        {viewer.scope === 'groups' ? (
          <p data-slot="invite-form-scope-hint" className="usher-invite-form-hint">
            {t('inviteForm.groups.scopedHint')}
          </p>
        ) : null}
        <InviteSeats
          control={form.control}
          seats={me.seats}
          rowIds={rowIds}
          refused={refused}
          takesSeat={viewer.roles.takesSeat}
        />

        <ol data-slot="invite-form-rows" className="usher-invite-rows">
          {fields.map((item, index) => (
            <li key={item.id} data-slot="invite-form-row-item">
              <InviteRow
                index={index}
                idBase={invite.idBase(item.id)}
                removable={fields.length > 1}
                roleOptions={roleOptions}
                groups={groups.data ?? []}
                groupsState={groups.isPending ? 'loading' : groups.isError ? 'error' : 'ready'}
                topicOptions={topicOptions}
                serverErrors={serverErrors[item.id]}
                onFieldEdited={(field) => invite.clearServerError(item.id, field)}
                onEmailChange={invite.revalidateOtherEmails}
                onRemove={invite.removeRow}
                disabled={busy}
              />
            </li>
          ))}
        </ol>

        <div data-slot="invite-form-row-actions" className="usher-invite-form-actions">
          <button
            id={invite.addId}
            type="button"
            data-slot="invite-form-add"
            className="usher-button"
            disabled={busy || fields.length >= INVITATIONS_PER_REQUEST_MAX}
            onClick={invite.addRow}
          >
            {t('inviteForm.addRow')}
          </button>
          <PasteAddresses onPaste={invite.addPasted} disabled={busy} />
        </div>

        <MessageField id={`${titleId}-message`} disabled={busy} />
        <RequestAlert message={invite.alert} />

        <div data-slot="invite-form-submit" className="usher-invite-form-submit">
          <button type="submit" className="usher-button" data-variant="primary" disabled={busy}>
            {busy ? t('inviteForm.submitting') : t('inviteForm.submit')}
          </button>
          <p
            id={invite.statusId}
            role="status"
            tabIndex={-1}
            data-slot="invite-form-status"
            className="usher-invite-form-status"
          >
            {invite.status}
          </p>
        </div>
      </form>
    </FormProvider>
  )
}
