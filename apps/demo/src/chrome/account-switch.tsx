import { useId } from 'react'
import type { DemoOrganizationSummary } from '../../server/api-types'
import { useDemoI18n } from '../i18n'

export interface AccountSwitchProps {
  organizations: DemoOrganizationSummary[]
  organizationId: string
  userId: string
  onSwitch: (userId: string) => void
}

/**
 * Stands in for the host's own sign-in: pick an organization, then one of its seeded people (the
 * owner, the admin of one branch of groups, a technician). Switching to another organization keeps
 * the same kind of person when it can.
 */
export function AccountSwitch({ organizations, organizationId, userId, onSwitch }: AccountSwitchProps) {
  const { t } = useDemoI18n()
  const orgFieldId = useId()
  const accountFieldId = useId()
  const organization = organizations.find((org) => org.id === organizationId)
  const persona = organization?.accounts.find((a) => a.userId === userId)?.persona

  const switchOrganization = (id: string) => {
    const next = organizations.find((org) => org.id === id)
    const account = next?.accounts.find((a) => a.persona === persona) ?? next?.accounts[0]
    if (account) onSwitch(account.userId)
  }

  return (
    <div className="relai-account-switch">
      <div className="relai-field">
        <label htmlFor={orgFieldId}>{t('header.organization')}</label>
        <select
          id={orgFieldId}
          className="relai-select"
          value={organizationId}
          onChange={(event) => switchOrganization(event.target.value)}
        >
          {organizations.map((org) => (
            <option key={org.id} value={org.id} disabled={!org.accounts.length}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <div className="relai-field">
        <label htmlFor={accountFieldId}>{t('header.account')}</label>
        <select
          id={accountFieldId}
          className="relai-select"
          value={userId}
          onChange={(event) => onSwitch(event.target.value)}
        >
          {organization?.accounts.map((account) => (
            <option key={account.userId} value={account.userId}>
              {account.name} — {t(`personas.${account.persona}`)}
              {account.enabled ? '' : ` (${t('header.disabled')})`}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
