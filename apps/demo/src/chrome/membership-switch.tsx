import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { usherKeys } from '@usher/react'
import type { UsherClient } from '@usher/sdk'
import { useId, useState } from 'react'
import { useDemoI18n } from '../i18n'
import { saveSignedIn } from '../signed-in-session'

export interface MembershipSwitchProps {
  /** The client of the signed-in session. */
  client: UsherClient
  /** The organization the session opens. */
  organizationId: string | undefined
}

/**
 * For a person signed in with Usher's built-in sign-in whose account belongs to several
 * organizations: pick another one, and the session is switched without the password again.
 * Nothing shows for an account in one organization.
 */
export function MembershipSwitch({ client, organizationId }: MembershipSwitchProps) {
  const { t } = useDemoI18n()
  const fieldId = useId()
  const queryClient = useQueryClient()
  const [failed, setFailed] = useState(false)
  const memberships = useQuery({
    queryKey: ['demo', 'memberships', organizationId],
    queryFn: () => client.me.memberships?.() ?? Promise.resolve([]),
    // Asked once the session's organization is known: a list cached without one could be the
    // previous person's.
    enabled: Boolean(organizationId),
    // While a switch asks for the new organization's list, the select stays with the old one:
    // unmounted, it would drop the keyboard focus onto the page's body.
    placeholderData: keepPreviousData,
  })
  const items = memberships.data ?? []
  if (items.length < 2 || !client.auth.switchOrganization) return null

  const switchTo = async (slug: string) => {
    setFailed(false)
    try {
      const result = await client.auth.switchOrganization?.({ organization: slug })
      if (!result) return
      // Nothing cached for the other organization may show in this one.
      queryClient.removeQueries({ queryKey: usherKeys.all })
      saveSignedIn(result.session, result.user)
    } catch {
      setFailed(true)
    }
  }

  return (
    <div className="relai-field">
      <label htmlFor={fieldId}>{t('header.organization')}</label>
      <select
        id={fieldId}
        className="relai-select"
        value={items.find((m) => m.organization.id === organizationId)?.organization.slug ?? ''}
        onChange={(event) => void switchTo(event.target.value)}
        aria-describedby={failed ? `${fieldId}-error` : undefined}
      >
        {items.map((m) => (
          <option key={m.userId} value={m.organization.slug}>
            {m.organization.name}
          </option>
        ))}
      </select>
      {failed ? (
        <span id={`${fieldId}-error`} role="alert">
          {t('signIn.switchFailed')}
        </span>
      ) : null}
    </div>
  )
}
