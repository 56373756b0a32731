import { useMutation } from '@tanstack/react-query'
import type { LoginResult, Membership } from '@usher/contract'
import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { FormAlert } from '../../ui/form-alert'

export interface OrganizationStepProps {
  titleId: string
  /** The sign-in's answer: its session opens one of `memberships`, the one used last. */
  login: LoginResult
  /** Called with the session of the organization picked. */
  onPicked: (result: LoginResult) => void
}

/**
 * After the sign-in of an account in several organizations: one button per organization. The
 * session the sign-in answered opens the one used last; another is a switch
 * (`POST /auth/switch`), without the password again.
 */
export function OrganizationStep({ titleId, login, onPicked }: OrganizationStepProps) {
  const { t, client } = useUsherContext()
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The step replaces the sign-in form: its heading takes focus, so the change is announced.
  useEffect(() => headingRef.current?.focus(), [])
  const [error, setError] = useState<string | null>(null)
  const switching = useMutation({
    mutationFn: async (membership: Membership) => {
      if (membership.userId === login.user.id) return login
      if (!client.auth.switchOrganization) throw new Error('This backend cannot switch organizations.')
      return client.auth.switchOrganization(
        { organization: membership.organization.slug },
        { headers: { authorization: `Bearer ${login.session.token}` } },
      )
    },
  })
  const pick = async (membership: Membership) => {
    setError(null)
    try {
      onPicked(await switching.mutateAsync(membership))
    } catch (caught) {
      setError(errorMessage(t, caught))
    }
  }
  return (
    <>
      <h2
        id={titleId}
        ref={headingRef}
        tabIndex={-1}
        data-slot="sign-in-form-title"
        className="usher-sign-in-form-title"
      >
        {t('signInForm.organizations.title')}
      </h2>
      <p data-slot="sign-in-form-organizations-intro">
        {t('signInForm.organizations.intro', { count: login.memberships.length })}
      </p>
      <ul data-slot="sign-in-form-organizations" className="usher-sign-in-form-organizations">
        {login.memberships.map((membership) => (
          <li key={membership.userId}>
            <button
              type="button"
              className="usher-button"
              data-variant={membership.userId === login.user.id ? 'primary' : undefined}
              disabled={switching.isPending}
              aria-describedby={membership.userId === login.user.id ? `${titleId}-last` : undefined}
              onClick={() => void pick(membership)}
            >
              {membership.organization.name}
            </button>
          </li>
        ))}
      </ul>
      <p
        id={`${titleId}-last`}
        data-slot="sign-in-form-organizations-last"
        className="usher-sign-in-form-hint"
      >
        {t('signInForm.organizations.lastUsed', {
          name: login.memberships.find((m) => m.userId === login.user.id)?.organization.name ?? '',
        })}
      </p>
      <FormAlert slot="sign-in-form-error">{error}</FormAlert>
    </>
  )
}
