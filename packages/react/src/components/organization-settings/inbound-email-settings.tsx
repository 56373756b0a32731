import { EmailDomainSchema, type OrganizationSettings } from '@usher/contract'
import { inboundEmailRoles, normalizeEmailDomain } from '@usher/contract/rules'
import { useId, useMemo, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { errorMessage } from '../../lib/error-message'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import { TokensPanel } from '../../ui/tokens-panel'
import { useInboundEmailTokens } from './use-inbound-email-tokens'

type InboundEmail = OrganizationSettings['inboundEmail']

/**
 * People from incoming email: whether to create a person when a message comes from an unknown
 * address, the role they get (only roles that open no console, by the contract's rule), whether
 * they are sent an invitation, and the email domains that place senders in a group. Saved with the
 * rest of the settings.
 */
export function InboundEmailSettings({
  value,
  onChange,
  disabled,
}: {
  value: InboundEmail
  onChange: (value: InboundEmail) => void
  disabled: boolean
}) {
  const { t } = useUsherContext()
  const id = useId()
  const roles = useRoleCatalog()
  const roleName = useRoleName()
  const offered = inboundEmailRoles(roles)
  const set = <K extends keyof InboundEmail>(key: K, next: InboundEmail[K]) =>
    onChange({ ...value, [key]: next })
  // Without a role that opens no console, creation cannot be turned on (the server would refuse
  // it); a setting already on stays visible so the owner can turn it off.
  const noRole = offered.length === 0
  const roleMissing = value.createPeople && value.role === null
  const hints = [`${id}-create-hint`, noRole ? `${id}-no-role` : null].filter(Boolean).join(' ')
  return (
    <fieldset className="usher-org-settings-section" disabled={disabled}>
      <legend>{t('organizationSettings.inboundEmail.legend')}</legend>
      <label className="usher-org-settings-check">
        <input
          type="checkbox"
          checked={value.createPeople}
          disabled={noRole && !value.createPeople}
          aria-describedby={hints}
          onChange={(event) => set('createPeople', event.target.checked)}
        />
        {t('organizationSettings.inboundEmail.createPeople')}
      </label>
      <p id={`${id}-create-hint`} className="usher-org-settings-hint">
        {t('organizationSettings.inboundEmail.createHint')}
      </p>
      {noRole ? (
        <p id={`${id}-no-role`} role="note" className="usher-org-settings-hint">
          {t('organizationSettings.inboundEmail.noRole')}
        </p>
      ) : (
        <>
          <label htmlFor={`${id}-role`}>{t('organizationSettings.inboundEmail.role')}</label>
          <select
            id={`${id}-role`}
            className="usher-select"
            value={value.role ?? ''}
            aria-invalid={roleMissing || undefined}
            aria-describedby={roleMissing ? `${id}-role-error` : `${id}-role-hint`}
            onChange={(event) => set('role', event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('organizationSettings.inboundEmail.chooseRole')}</option>
            {offered.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
            {value.role !== null && !offered.includes(value.role) ? (
              <option value={value.role}>{roleName(value.role)}</option>
            ) : null}
          </select>
          {roleMissing ? (
            <p id={`${id}-role-error`} className="usher-field-error">
              {t('organizationSettings.inboundEmail.roleRequired')}
            </p>
          ) : (
            <p id={`${id}-role-hint`} className="usher-org-settings-hint">
              {t('organizationSettings.inboundEmail.roleHint')}
            </p>
          )}
        </>
      )}
      <label className="usher-org-settings-check">
        <input
          type="checkbox"
          checked={value.invite}
          aria-describedby={`${id}-invite-hint`}
          onChange={(event) => set('invite', event.target.checked)}
        />
        {t('organizationSettings.inboundEmail.invite')}
      </label>
      <p id={`${id}-invite-hint`} className="usher-org-settings-hint">
        {t('organizationSettings.inboundEmail.inviteHint')}
      </p>
      <DomainsEditor value={value.domains} onChange={(domains) => set('domains', domains)} />
    </fieldset>
  )
}

/** The email domains → group list: change a domain's group, remove it, add a domain. */
function DomainsEditor({
  value,
  onChange,
}: {
  value: InboundEmail['domains']
  onChange: (value: InboundEmail['domains']) => void
}) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const groups = useGroups()
  const options = useMemo(() => indentedGroupOptions(groups.data ?? [], { locale }), [groups.data, locale])
  const [domain, setDomain] = useState('')
  const [groupId, setGroupId] = useState('')
  const [tried, setTried] = useState(false)
  const typed = domain.trim()
  const parsed = EmailDomainSchema.safeParse(typed)
  const duplicate =
    parsed.success && value.some((entry) => normalizeEmailDomain(entry.domain) === parsed.data)
  const problem =
    typed === ''
      ? null
      : !parsed.success
        ? t('organizationSettings.inboundEmail.domains.invalid', { domain: typed })
        : duplicate
          ? t('organizationSettings.inboundEmail.domains.duplicate', { domain: parsed.data })
          : null
  const missingGroup = tried && typed !== '' && groupId === ''
  const add = () => {
    setTried(true)
    if (!parsed.success || duplicate || groupId === '') return
    onChange([...value, { domain: parsed.data, groupId }])
    setDomain('')
    setGroupId('')
    setTried(false)
  }
  const groupSelect = (selectId: string, current: string, change: (groupId: string) => void, extra = {}) => (
    <select
      id={selectId}
      className="usher-select"
      value={current}
      onChange={(event) => change(event.target.value)}
      {...extra}
    >
      <option value="">{t('organizationSettings.inboundEmail.domains.chooseGroup')}</option>
      {current !== '' && groups.data && !options.some((option) => option.value === current) ? (
        <option value={current}>{t('organizationSettings.inboundEmail.domains.deletedGroup')}</option>
      ) : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
  return (
    <fieldset className="usher-org-settings-domains">
      <legend id={`${id}-title`}>{t('organizationSettings.inboundEmail.domains.legend')}</legend>
      <p className="usher-org-settings-hint">{t('organizationSettings.inboundEmail.domains.hint')}</p>
      {groups.isError ? (
        <p role="alert" className="usher-field-error">
          {t('organizationSettings.inboundEmail.domains.groupsError')}
        </p>
      ) : null}
      {value.length === 0 ? (
        <p className="usher-org-settings-hint">{t('organizationSettings.inboundEmail.domains.empty')}</p>
      ) : (
        <ul className="usher-org-settings-topics" aria-labelledby={`${id}-title`}>
          {value.map((entry, index) => (
            <li key={entry.domain} className="usher-org-settings-row">
              <label htmlFor={`${id}-group-${index}`}>
                {t('organizationSettings.inboundEmail.domains.groupOf', { domain: entry.domain })}
              </label>
              {groupSelect(`${id}-group-${index}`, entry.groupId, (next) =>
                onChange(value.map((other, at) => (at === index ? { ...other, groupId: next } : other))),
              )}
              <button
                type="button"
                className="usher-button"
                aria-label={t('organizationSettings.inboundEmail.domains.remove', { domain: entry.domain })}
                onClick={() => onChange(value.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="usher-org-settings-row">
        <label htmlFor={`${id}-domain`}>{t('organizationSettings.inboundEmail.domains.add')}</label>
        <input
          id={`${id}-domain`}
          className="usher-input"
          value={domain}
          maxLength={253}
          autoComplete="off"
          spellCheck={false}
          placeholder="client-nord.fr"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-domain-error` : undefined}
          onChange={(event) => setDomain(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <label htmlFor={`${id}-new-group`}>{t('organizationSettings.inboundEmail.domains.group')}</label>
        {groupSelect(`${id}-new-group`, groupId, setGroupId, {
          'aria-invalid': missingGroup || undefined,
          'aria-describedby': missingGroup ? `${id}-group-error` : undefined,
        })}
        <button
          type="button"
          className="usher-button"
          disabled={typed === '' || problem !== null}
          onClick={add}
        >
          {t('organizationSettings.inboundEmail.domains.addButton')}
        </button>
      </div>
      {problem ? (
        <p id={`${id}-domain-error`} className="usher-field-error">
          {problem}
        </p>
      ) : null}
      {missingGroup ? (
        <p id={`${id}-group-error`} className="usher-field-error">
          {t('organizationSettings.inboundEmail.domains.groupRequired')}
        </p>
      ) : null}
    </fieldset>
  )
}

/**
 * The tokens of the organization's mail pipeline, for the owner: the pipeline sends one with each
 * message. Beside the settings, not in their form: a token is created or revoked at once, not
 * saved with the rest. Nothing is shown when the backend offers no incoming email.
 */
export function InboundEmailTokens() {
  const { t } = useUsherContext()
  const { available, tokens, createToken, revokeToken } = useInboundEmailTokens()
  const [notice, setNotice] = useState<string | null>(null)
  if (!available) return null
  return (
    <div data-slot="inbound-email-token-panel" className="usher-org-settings-section">
      {/* Mounted from the start, so screen readers hear what lands in it. */}
      <p role="status" data-slot="inbound-email-notice">
        {notice ?? ''}
      </p>
      {tokens.isError ? (
        <div role="alert" className="usher-alert">
          <p>
            {t('organizationSettings.inboundEmail.tokens.loadError')} {errorMessage(t, tokens.error)}
          </p>
          <button type="button" className="usher-button" onClick={() => void tokens.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !tokens.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <TokensPanel
          tokens={tokens.data}
          createToken={createToken}
          revokeToken={revokeToken}
          onNotice={setNotice}
          messages="organizationSettings.inboundEmail.tokens"
          slot="inbound-email"
        />
      )}
    </div>
  )
}
