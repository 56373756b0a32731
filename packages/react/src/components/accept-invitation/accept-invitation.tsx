import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import {
  type AcceptInvitationResult,
  AcceptInvitationSchema,
  type InvitationLookup,
  passwordRulesBroken,
  type Salutation,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { type ComponentProps, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { type UseFormRegisterReturn, useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { useInvitationLookup } from '../../hooks/use-invitation-lookup'
import { cn } from '../../lib/cn'
import { fieldMessage, passwordMessages, requestErrorMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import { PasswordField } from '../password-field'
import { RoleBadge } from '../role-badge'

export interface AcceptInvitationProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The token of the link (`?token=` of the URL the email opened); the host reads it and passes it. */
  token: string
  /** The host's terms of use, linked next to their checkbox. */
  termsUrl?: string
  /** The host's privacy policy, linked next to the consent checkbox. */
  privacyUrl?: string
  /** Offered on the "already used" page. */
  signInUrl?: string
  /**
   * Called once the account is active. `result.session` holds a session when the server's built-in
   * sign-in is on (the person is signed in); null when the host signs people in itself.
   * @example onAccepted={({ session }) => session ? saveSession(session) : navigate('/sign-in')}
   */
  onAccepted?: (result: AcceptInvitationResult) => void
}

type Dead = 'expired' | 'revoked' | 'used' | 'unknown' | 'mismatch'
type State = 'loading' | 'error' | Dead | 'ready' | 'accepted'

interface Values {
  salutation: '' | Salutation
  firstName: string
  lastName: string
  password: string
  acceptTerms: boolean
  acceptConsent: boolean
}

const FIELDS = ['salutation', 'firstName', 'lastName', 'password', 'acceptTerms', 'acceptConsent'] as const

/** Which page a refused link leads to, from the server's code. */
function deadPage(error: unknown): Dead | null {
  if (!isUsherApiError(error)) return null
  switch (error.code) {
    case 'invitation_expired':
      return 'expired'
    case 'invitation_revoked':
      return 'revoked'
    case 'invitation_used':
      return 'used'
    case 'invitation_email_mismatch':
      return 'mismatch'
    case 'invitation_not_found':
    case 'not_found':
    case 'validation_failed':
      return 'unknown'
    default:
      return null
  }
}

/**
 * The page an invitation email opens (seeds 000, 001): who invited the person to which
 * organization; their name (editable) and address (read-only); a password with the organization's
 * policy ticked as they type and a strength meter; consent and terms. Expired, withdrawn, used and
 * unknown links get a page of their own saying what to do.
 */
export function AcceptInvitation({
  token,
  termsUrl,
  privacyUrl,
  signInUrl,
  onAccepted,
  className,
  ...props
}: AcceptInvitationProps) {
  const { t } = useUsherContext()
  const lookup = useInvitationLookup(token)
  // The organization's name is kept with the result: the link's lookup fails once it is used.
  const [accepted, setAccepted] = useState<{ result: AcceptInvitationResult; organization: string } | null>(
    null,
  )
  const [deadAfterSubmit, setDeadAfterSubmit] = useState<Dead | null>(null)
  const titleId = useId()

  const data = lookup.data
  const state: State = !token
    ? 'unknown'
    : accepted
      ? 'accepted'
      : deadAfterSubmit
        ? deadAfterSubmit
        : lookup.isPending
          ? 'loading'
          : lookup.isError
            ? (deadPage(lookup.error) ?? 'error')
            : data?.status === 'expired'
              ? 'expired'
              : 'ready'
  const organization = accepted?.organization ?? data?.organization.name ?? ''

  let body: ReactNode
  if (state === 'loading') {
    body = (
      <p role="status" data-slot="accept-invitation-loading">
        {t('acceptInvitation.loading')}
      </p>
    )
  } else if (state === 'error') {
    body = (
      <div role="alert" data-slot="accept-invitation-load-error" className="usher-alert">
        {t('acceptInvitation.loadError')} {requestErrorMessage(t, lookup.error)}{' '}
        <button type="button" className="usher-button" onClick={() => void lookup.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (state === 'ready' && data) {
    body = (
      <AcceptForm
        token={token}
        lookup={data}
        termsUrl={termsUrl}
        privacyUrl={privacyUrl}
        onDead={setDeadAfterSubmit}
        onAccepted={(result) => {
          setAccepted({ result, organization })
          onAccepted?.(result)
        }}
      />
    )
  } else if (state === 'accepted' && accepted) {
    const { user, session } = accepted.result
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    body = (
      <Notice
        slot="accept-invitation-accepted"
        role="status"
        title={t('acceptInvitation.accepted.title', { name })}
      >
        <p>{t('acceptInvitation.accepted.body', { organization })}</p>
        {session ? <p>{t('acceptInvitation.accepted.signedIn')}</p> : null}
      </Notice>
    )
  } else {
    body = <DeadLink page={state as Dead} lookup={data} signInUrl={signInUrl} />
  }

  return (
    <section
      data-slot="accept-invitation"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-accept-invitation', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="accept-invitation-title" className="usher-accept-invitation-title">
        {organization ? t('acceptInvitation.title', { organization }) : t('acceptInvitation.titleGeneric')}
      </h2>
      {body}
    </section>
  )
}

/** A page in place of the form: a heading that takes focus (so it is read out) and what to do. */
function Notice({
  slot,
  role,
  title,
  children,
}: {
  slot: string
  role: 'status' | 'alert'
  title: string
  children: ReactNode
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div
      data-slot={slot}
      role={role}
      className="usher-accept-invitation-notice"
      data-tone={role === 'alert' ? 'error' : 'success'}
    >
      <h3 ref={ref} tabIndex={-1} data-slot="accept-invitation-notice-title">
        {title}
      </h3>
      {children}
    </div>
  )
}

function DeadLink({
  page,
  lookup,
  signInUrl,
}: {
  page: Dead
  lookup: InvitationLookup | undefined
  signInUrl: string | undefined
}) {
  const { t } = useUsherContext()
  let text: string
  if (page === 'expired') {
    text = lookup?.invitedBy
      ? t('acceptInvitation.pages.expired.body', { inviter: lookup.invitedBy.name })
      : t('acceptInvitation.pages.expired.bodyNoInviter', { organization: lookup?.organization.name ?? '' })
  } else if (page === 'mismatch') {
    text = lookup
      ? t('acceptInvitation.pages.mismatch.body', { email: lookup.email })
      : t('acceptInvitation.pages.mismatch.bodyNoEmail')
  } else {
    text = t(`acceptInvitation.pages.${page}.body`)
  }
  return (
    <Notice slot={`accept-invitation-${page}`} role="alert" title={t(`acceptInvitation.pages.${page}.title`)}>
      <p>{text}</p>
      {page === 'used' && signInUrl ? (
        <a href={signInUrl} className="usher-button" data-variant="primary">
          {t('acceptInvitation.pages.used.signIn')}
        </a>
      ) : null}
    </Notice>
  )
}

function AcceptForm({
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
    withFieldCodes<Values, z.output<typeof AcceptInvitationSchema>>(
      AcceptInvitationSchema,
      (values) => ({ ...values, token, salutation: values.salutation || null }),
      (values) =>
        values.password &&
        passwordRulesBroken(values.password, policy, {
          email: lookup.email,
          names: [values.firstName, values.lastName],
        }).length
          ? [{ path: 'password', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<Values, unknown, z.output<typeof AcceptInvitationSchema>>({
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
      if (isUsherApiError(error) && error.fieldErrors.length) {
        setServerMessages(passwordMessages(t, error, 'password'))
        let focused = false
        for (const fieldError of error.fieldErrors) {
          const field = FIELDS.find((f) => f === fieldError.path)
          if (!field) continue
          form.setError(field, { message: fieldError.code }, { shouldFocus: !focused })
          focused = true
        }
        if (focused) return
      }
      setFormError(requestErrorMessage(t, error))
    }
  })

  const error = (field: (typeof FIELDS)[number]) => fieldMessage(t, errors[field]?.message)
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
        {t('acceptInvitation.intro')}
      </p>
      <div data-slot="accept-invitation-names" className="usher-accept-invitation-names">
        <FormField
          id={`${id}-salutation`}
          label={t('acceptInvitation.fields.salutation')}
          error={error('salutation')}
        >
          {(aria) => (
            <select className="usher-select" {...aria} {...form.register('salutation')}>
              <option value="">{t('acceptInvitation.salutations.none')}</option>
              <option value="mr">{t('acceptInvitation.salutations.mr')}</option>
              <option value="ms">{t('acceptInvitation.salutations.ms')}</option>
              <option value="mx">{t('acceptInvitation.salutations.mx')}</option>
            </select>
          )}
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
      <PasswordField
        label={t('acceptInvitation.fields.password')}
        registration={form.register('password')}
        value={password ?? ''}
        policy={policy}
        person={{ email: lookup.email, names: [firstName ?? '', lastName ?? ''] }}
        error={error('password')}
        serverMessages={serverMessages}
      />
      <Checkbox
        id={`${id}-consent`}
        label={t('acceptInvitation.consent', { organization })}
        error={error('acceptConsent')}
        link={privacyUrl ? { href: privacyUrl, text: t('acceptInvitation.privacyLink') } : undefined}
        registration={form.register('acceptConsent')}
      />
      <Checkbox
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
          {submitting ? t('acceptInvitation.submitting') : t('acceptInvitation.submit')}
        </button>
      </div>
    </form>
  )
}

function Checkbox({
  id,
  label,
  error,
  link,
  registration,
}: {
  id: string
  label: string
  error?: string | undefined
  link: { href: string; text: string } | undefined
  registration: UseFormRegisterReturn
}) {
  const { t } = useUsherContext()
  return (
    <div data-slot="accept-invitation-checkbox" className="usher-accept-invitation-checkbox">
      <input
        id={id}
        type="checkbox"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      <label htmlFor={id}>{label}</label>
      {link ? (
        <a href={link.href} target="_blank" rel="noreferrer" className="usher-accept-invitation-link">
          {link.text}
          <span className="usher-visually-hidden"> {t('acceptInvitation.newWindow')}</span>
        </a>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="usher-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
