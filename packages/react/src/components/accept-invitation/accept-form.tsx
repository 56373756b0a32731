import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import {
  type AcceptInvitationResult,
  AcceptInvitationSchema,
  type InvitationLookup,
  passwordRulesBroken,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, passwordMessages, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import { PasswordField } from '../../ui/password-field'
import { RoleBadge } from '../../ui/role-badge'
import { SalutationSelect } from '../../ui/salutation-select'
import { TextField } from '../../ui/text-field'
import { ACCEPT_FIELDS, type AcceptField, type AcceptInvitationValues } from './accept-values'
import { ConsentCheckbox } from './consent-checkbox'
import { type Dead, deadPage } from './dead-link'

/**
 * The form of a usable link: who invited the person and with which role, their name (editable)
 * and address (read-only), a password under the organization's policy, consent and terms.
 */
export function AcceptForm({
  token,
  lookup,
  termsUrl,
  privacyUrl,
  onDead,
  onAccepted,
}: {
  token: string
  lookup: InvitationLookup
  termsUrl: string | undefined
  privacyUrl: string | undefined
  onDead: (page: Dead) => void
  onAccepted: (result: AcceptInvitationResult) => void
}) {
  const { t, client } = useUsherContext()
  const id = useId()
  const policy = lookup.passwordPolicy
  const [schema] = useState(() =>
    withFieldCodes<AcceptInvitationValues, z.output<typeof AcceptInvitationSchema>>(
      AcceptInvitationSchema,
      (values) => ({ ...values, token, salutation: values.salutation || null }),
      // An existing account's password is checked by the server, not judged against the policy.
      (values) =>
        !lookup.existingAccount &&
        values.password &&
        passwordRulesBroken(values.password, policy, {
          email: lookup.email,
          names: [values.firstName, values.lastName],
        }).length
          ? [{ path: 'password', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<AcceptInvitationValues, unknown, z.output<typeof AcceptInvitationSchema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      salutation: lookup.salutation ?? '',
      firstName: lookup.firstName,
      lastName: lookup.lastName,
      password: '',
      acceptTerms: false,
      acceptConsent: false,
    },
  })
  const { errors } = form.formState
  const [password, firstName, lastName] = useWatch({
    control: form.control,
    name: ['password', 'firstName', 'lastName'],
  })
  const [serverMessages, setServerMessages] = useState<string[]>([])
  const accept = useMutation({
    mutationFn: (input: z.output<typeof AcceptInvitationSchema>) => client.invitations.accept(input),
  })
  const [formError, setFormError] = useState<string | null>(null)

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    setServerMessages([])
    try {
      onAccepted(await accept.mutateAsync(input))
    } catch (error) {
      const dead = deadPage(error)
      if (dead && dead !== 'unknown') return onDead(dead)
      if (isUsherApiError(error) && error.code === 'invalid_credentials') {
        form.setError('password', { message: 'invalid_credentials' }, { shouldFocus: true })
        return
      }
      if (isUsherApiError(error) && error.fieldErrors.length) {
        setServerMessages(passwordMessages(t, error, 'password'))
        let focused = false
        for (const fieldError of error.fieldErrors) {
          const field = ACCEPT_FIELDS.find((f) => f === fieldError.path)
          if (!field) continue
          form.setError(field, { message: fieldError.code }, { shouldFocus: !focused })
          focused = true
        }
        if (focused) return
      }
      setFormError(errorMessage(t, error))
    }
  })

  const error = (field: AcceptField) =>
    errors[field]?.message === 'invalid_credentials'
      ? t('acceptInvitation.wrongPassword')
      : fieldMessage(t, errors[field]?.message)
  // The address already signs in to another organization: the person joins with that password.
  const existing = lookup.existingAccount
  const inviter = lookup.invitedBy?.name
  const organization = lookup.organization.name
  const submitting = form.formState.isSubmitting

  return (
    <form
      noValidate
      data-slot="accept-invitation-form"
      data-state={submitting ? 'submitting' : 'idle'}
      className="usher-accept-invitation-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-busy={submitting || undefined}
    >
      <p data-slot="accept-invitation-invited-by">
        {inviter
          ? t('acceptInvitation.invitedBy', { inviter, organization })
          : t('acceptInvitation.invitedNoInviter', { organization })}{' '}
        <span>{t('acceptInvitation.roleIntro')}</span> <RoleBadge roleKey={lookup.role} />
      </p>
      <p data-slot="accept-invitation-intro" className="usher-accept-invitation-intro">
        {existing ? t('acceptInvitation.introExisting', { organization }) : t('acceptInvitation.intro')}
      </p>
      <div data-slot="accept-invitation-names" className="usher-accept-invitation-names">
        <FormField
          id={`${id}-salutation`}
          label={t('acceptInvitation.fields.salutation')}
          error={error('salutation')}
        >
          {(aria) => <SalutationSelect {...aria} {...form.register('salutation')} />}
        </FormField>
        <FormField
          id={`${id}-first`}
          label={t('acceptInvitation.fields.firstName')}
          error={error('firstName')}
        >
          {(aria) => (
            <input
              className="usher-input"
              autoComplete="given-name"
              aria-required="true"
              {...aria}
              {...form.register('firstName')}
            />
          )}
        </FormField>
        <FormField id={`${id}-last`} label={t('acceptInvitation.fields.lastName')} error={error('lastName')}>
          {(aria) => (
            <input
              className="usher-input"
              autoComplete="family-name"
              {...aria}
              {...form.register('lastName')}
            />
          )}
        </FormField>
      </div>
      <FormField
        id={`${id}-email`}
        label={t('acceptInvitation.fields.email')}
        hint={t('acceptInvitation.fields.emailHint')}
      >
        {(aria) => (
          <input
            className="usher-input"
            type="email"
            autoComplete="username"
            readOnly
            value={lookup.email}
            {...aria}
          />
        )}
      </FormField>
      {existing ? (
        // The password the account already has, typed as at sign-in: no policy or strength meter
        // judges a password the person is not choosing.
        <TextField
          id={`${id}-current-password`}
          label={t('acceptInvitation.fields.currentPassword')}
          error={error('password')}
          type="password"
          autoComplete="current-password"
          aria-required="true"
          {...form.register('password')}
        />
      ) : (
        <PasswordField
          label={t('acceptInvitation.fields.password')}
          registration={form.register('password')}
          value={password ?? ''}
          policy={policy}
          autoComplete="new-password"
          person={{ email: lookup.email, names: [firstName ?? '', lastName ?? ''] }}
          error={error('password')}
          serverMessages={serverMessages}
        />
      )}
      <ConsentCheckbox
        id={`${id}-consent`}
        label={t('acceptInvitation.consent', { organization })}
        error={error('acceptConsent')}
        link={privacyUrl ? { href: privacyUrl, text: t('acceptInvitation.privacyLink') } : undefined}
        registration={form.register('acceptConsent')}
      />
      <ConsentCheckbox
        id={`${id}-terms`}
        label={t('acceptInvitation.terms')}
        error={error('acceptTerms')}
        link={termsUrl ? { href: termsUrl, text: t('acceptInvitation.termsLink') } : undefined}
        registration={form.register('acceptTerms')}
      />
      {formError ? (
        <div role="alert" data-slot="accept-invitation-error" className="usher-alert">
          {formError}
        </div>
      ) : null}
      <div data-slot="accept-invitation-actions">
        <button type="submit" className="usher-button" data-variant="primary" disabled={submitting}>
          {existing
            ? submitting
              ? t('acceptInvitation.submittingExisting')
              : t('acceptInvitation.submitExisting', { organization })
            : submitting
              ? t('acceptInvitation.submitting')
              : t('acceptInvitation.submit')}
        </button>
      </div>
    </form>
  )
}
