import { isUsherApiError } from '@usher/sdk'
import { type ComponentProps, type FormEvent, memo, useEffect, useId, useState } from 'react'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { SeatUsage } from '../../ui/seat-usage'
import { ExistingAccountsField } from './existing-accounts-field'
import { InboundEmailSettings, InboundEmailTokens } from './inbound-email-settings'
import { MailProblemsNotice } from './mail-problems-notice'
import { draftOf, patchOf, type SettingsDraft, timeZones } from './settings-draft'
import { MailboxEditor, TopicsEditor } from './settings-lists'
import { useOrganizationSettings } from './use-organization-settings'

export interface OrganizationSettingsProps extends Omit<ComponentProps<'section'>, 'children' | 'onSubmit'> {
  /** After a save, with the organization as the server answered. */
  onSaved?: () => void
  /** The heading (a host page that already names the settings gives it a subtitle). @default "Organization" */
  title?: string
}

const STRENGTHS = [0, 1, 2, 3, 4] as const

/**
 * The organization's settings: team name, invitation lifetime and reminders, how addresses that
 * already have an account join (an invitation, or at once with a notice email), refused mailboxes
 * (with a test box), password policy, "contact for" topics, time zone, the plan's seats
 * (read-only, with the roles that take one), people from incoming email (creation, their role, an
 * invitation, email domains that place them in a group, and the owner's tokens of the mail pipeline
 * that asks), and the owner's "mail problems" notice when messages could not be delivered. The owner (`organization:manage`) edits and saves them with the version
 * they read, so a save over someone else's is refused with a message; others read them.
 * @example <OrganizationSettings onSaved={() => toast('Saved')} />
 */
export function OrganizationSettings({ onSaved, title, className, ...props }: OrganizationSettingsProps) {
  const { t } = useUsherContext()
  const titleId = useId()
  const id = useId()
  const { me, organization, canManage, save } = useOrganizationSettings()
  const roles = useRoleCatalog()
  const roleName = useRoleName()
  const [draft, setDraft] = useState<SettingsDraft | null>(null)
  const [version, setVersion] = useState<number | null>(null)
  // A fresh read (first load, "Reload", after a save) starts the form over from the server's values.
  useEffect(() => {
    if (organization && organization.version !== version) {
      setDraft(draftOf(organization))
      setVersion(organization.version)
    }
  }, [organization, version])

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((current) => (current ? { ...current, [key]: value } : current))
  const conflict = isUsherApiError(save.error) && save.error.code === 'version_mismatch'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft || version === null || !canManage) return
    save.mutate({ input: patchOf(draft), version }, { onSuccess: () => onSaved?.() })
  }
  const reload = () => {
    save.reset()
    setVersion(null)
    void me.refetch()
  }

  const state = me.isError ? 'error' : !draft ? 'loading' : canManage ? 'editable' : 'read-only'
  const seatRoles = roles.keys.filter((role) => roles.takesSeat(role)).map(roleName)
  return (
    <section
      data-slot="organization-settings"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-org-settings', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-org-settings-title">
        {title ?? t('organizationSettings.title')}
      </h2>
      {state === 'error' ? (
        <div role="alert" className="usher-alert">
          <p>{t('organizationSettings.error', { reason: errorMessage(t, me.error) })}</p>
          <button type="button" className="usher-button" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {state === 'loading' ? <p role="status">{t('organizationSettings.loading')}</p> : null}
      {canManage ? <MailProblemsNotice /> : null}
      {draft ? (
        <form className="usher-org-settings-form" onSubmit={submit} noValidate>
          {canManage ? null : <p role="note">{t('organizationSettings.readOnly')}</p>}
          <fieldset className="usher-org-settings-section" disabled={!canManage}>
            <legend>{t('organizationSettings.team.legend')}</legend>
            <label htmlFor={`${id}-name`}>{t('organizationSettings.team.name')}</label>
            <input
              id={`${id}-name`}
              className="usher-input"
              value={draft.name}
              minLength={2}
              maxLength={100}
              required
              onChange={(event) => set('name', event.target.value)}
            />
          </fieldset>
          <fieldset className="usher-org-settings-section" disabled={!canManage}>
            <legend>{t('organizationSettings.invitations.legend')}</legend>
            <label htmlFor={`${id}-lifetime`}>{t('organizationSettings.invitations.lifetime')}</label>
            <input
              id={`${id}-lifetime`}
              type="number"
              className="usher-input"
              min={1}
              max={90}
              value={draft.invitationLifetimeDays}
              aria-describedby={`${id}-lifetime-hint`}
              onChange={(event) => set('invitationLifetimeDays', Number(event.target.value))}
            />
            <p id={`${id}-lifetime-hint`} className="usher-org-settings-hint">
              {t('organizationSettings.invitations.lifetimeHint')}
            </p>
            <label className="usher-org-settings-check">
              <input
                type="checkbox"
                checked={draft.remindersEnabled}
                aria-describedby={`${id}-reminders-hint`}
                onChange={(event) => set('remindersEnabled', event.target.checked)}
              />
              {t('organizationSettings.invitations.reminders')}
            </label>
            <label htmlFor={`${id}-reminder-days`}>
              {t('organizationSettings.invitations.reminderDays')}
            </label>
            <input
              id={`${id}-reminder-days`}
              type="number"
              className="usher-input"
              min={1}
              max={30}
              value={draft.reminderDays}
              disabled={!draft.remindersEnabled}
              aria-describedby={`${id}-reminders-hint`}
              onChange={(event) => set('reminderDays', Number(event.target.value))}
            />
            <p id={`${id}-reminders-hint`} className="usher-org-settings-hint">
              {t('organizationSettings.invitations.remindersHint')}
            </p>
            <ExistingAccountsField
              value={draft.existingAccounts}
              onChange={(value) => set('existingAccounts', value)}
            />
          </fieldset>
          <MailboxEditor
            value={draft.refusedMailboxes}
            onChange={(value) => set('refusedMailboxes', value)}
            disabled={!canManage}
          />
          <fieldset className="usher-org-settings-section" disabled={!canManage}>
            <legend>{t('organizationSettings.password.legend')}</legend>
            <label htmlFor={`${id}-min-length`}>{t('organizationSettings.password.minLength')}</label>
            <input
              id={`${id}-min-length`}
              type="number"
              className="usher-input"
              min={8}
              max={256}
              value={draft.minLength}
              onChange={(event) => set('minLength', Number(event.target.value))}
            />
            <label htmlFor={`${id}-strength`}>{t('organizationSettings.password.minStrength')}</label>
            <select
              id={`${id}-strength`}
              className="usher-select"
              value={draft.minStrength}
              onChange={(event) =>
                set('minStrength', Number(event.target.value) as SettingsDraft['minStrength'])
              }
            >
              {STRENGTHS.map((strength) => (
                <option key={strength} value={strength}>
                  {t(`organizationSettings.password.strengths.s${strength}`)}
                </option>
              ))}
            </select>
            <label className="usher-org-settings-check">
              <input
                type="checkbox"
                checked={draft.forceChangeAfterAdminSet}
                onChange={(event) => set('forceChangeAfterAdminSet', event.target.checked)}
              />
              {t('organizationSettings.password.forceChange')}
            </label>
          </fieldset>
          <TopicsEditor
            value={draft.contactTopics}
            onChange={(value) => set('contactTopics', value)}
            disabled={!canManage}
          />
          <fieldset className="usher-org-settings-section" disabled={!canManage}>
            <legend>{t('organizationSettings.timeZone.legend')}</legend>
            <label htmlFor={`${id}-zone`}>{t('organizationSettings.timeZone.label')}</label>
            <input
              id={`${id}-zone`}
              className="usher-input"
              list={`${id}-zones`}
              value={draft.timeZone}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-zone-hint`}
              onChange={(event) => set('timeZone', event.target.value)}
            />
            <ZoneOptions id={`${id}-zones`} current={organization?.settings.timeZone ?? draft.timeZone} />
            <p id={`${id}-zone-hint`} className="usher-org-settings-hint">
              {t('organizationSettings.timeZone.hint')}
            </p>
          </fieldset>
          <InboundEmailSettings
            value={draft.inboundEmail}
            onChange={(value) => set('inboundEmail', value)}
            disabled={!canManage}
          />
          <section className="usher-org-settings-section" aria-labelledby={`${id}-seats`}>
            <h3 id={`${id}-seats`}>{t('organizationSettings.seats.legend')}</h3>
            <SeatUsage />
            <p className="usher-org-settings-hint">
              {t('organizationSettings.seats.hint')}{' '}
              {seatRoles.length
                ? t('organizationSettings.seats.roles', { roles: seatRoles.join(', ') })
                : t('organizationSettings.seats.noRoles')}
            </p>
          </section>
          {canManage ? (
            <div className="usher-org-settings-actions">
              <button type="submit" className="usher-button" data-variant="primary" disabled={save.isPending}>
                {save.isPending ? t('organizationSettings.saving') : t('organizationSettings.save')}
              </button>
              <p role="status">{save.isSuccess ? t('organizationSettings.saved') : ''}</p>
              {conflict ? (
                <div role="alert" className="usher-alert">
                  <p>{t('organizationSettings.conflict')}</p>
                  <button type="button" className="usher-button" onClick={reload}>
                    {t('organizationSettings.reload')}
                  </button>
                </div>
              ) : save.isError ? (
                <p role="alert" className="usher-field-error">
                  {t('organizationSettings.failed', { reason: errorMessage(t, save.error) })}
                </p>
              ) : null}
            </div>
          ) : null}
        </form>
      ) : null}
      {draft && canManage ? <InboundEmailTokens /> : null}
    </section>
  )
}

/** The zones offered as suggestions (any IANA name may be typed; the server checks it). */
const ZoneOptions = memo(function ZoneOptions({ id, current }: { id: string; current: string }) {
  return (
    <datalist id={id}>
      {timeZones(current).map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  )
})
