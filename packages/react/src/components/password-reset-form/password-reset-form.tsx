import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type LoginResult,
  PasswordResetConfirmSchema,
  type PasswordResetLookup,
  PasswordResetRequestSchema,
  passwordRulesBroken,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { type ComponentProps, useEffect, useId, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { usePasswordResetLookup } from '../../hooks/use-password-reset-lookup'
import { cn } from '../../lib/cn'
import { fieldMessage, passwordMessages, requestErrorMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { usherKeys } from '../../query/keys'
import { AuthForm } from '../../ui/auth-form'
import { TextField } from '../../ui/text-field'
import { PasswordField } from '../password-field'

export interface PasswordResetFormProps extends Omit<ComponentProps<'section'>, 'children' | 'onReset'> {
  /**
   * The token of the link the reset email opened: the form asks for the new password. Without
   * one, it asks for the address to send a link to.
   */
  token?: string | undefined
  /**
   * Called once the new password is saved, with the session the server signed in (the account is
   * activated too when it was only invited: seed 001's lost invitation email).
   */
  onReset?: (result: LoginResult) => void
  /** Offered after the reset and on an invalid link. */
  signInUrl?: string
}

/**
 * The built-in password reset, in two modes: without `token`, the address to send a link to (the
 * answer is the same whether an account exists or not); with it, whose account the link is for
 * and the new password under their organization's policy, shown as it is typed, which signs the
 * person in. An unusable link says so before anything is typed.
 */
export function PasswordResetForm({ token, ...props }: PasswordResetFormProps) {
  const [requestAnyway, setRequestAnyway] = useState(false)
  return token && !requestAnyway ? (
    <ConfirmMode token={token} onAskNewLink={() => setRequestAnyway(true)} {...props} />
  ) : (
    <RequestMode {...props} />
  )
}

type ModeProps = Omit<PasswordResetFormProps, 'token'>

/** A ref focused whenever `key` changes after the first render: the new content is read out. */
function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null)
  const previous = useRef(key)
  useEffect(() => {
    if (previous.current === key) return
    previous.current = key
    ref.current?.focus()
  }, [key])
  return ref
}

function RequestMode({ onReset: _onReset, signInUrl, className, ...props }: ModeProps) {
  const { t, client } = useUsherContext()
  const id = useId()
  const titleId = useId()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [schema] = useState(() =>
    withFieldCodes<{ email: string }, z.output<typeof PasswordResetRequestSchema>>(
      PasswordResetRequestSchema,
      (values) => values,
    ),
  )
  const form = useForm<{ email: string }, unknown, z.output<typeof PasswordResetRequestSchema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: '' },
  })
  const request = useMutation({
    mutationFn: (input: z.output<typeof PasswordResetRequestSchema>) =>
      client.auth.requestPasswordReset(input),
  })
  const sentRef = useFocusOnChange<HTMLParagraphElement>(sentTo)
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    try {
      await request.mutateAsync(input)
      setSentTo(input.email)
    } catch (error) {
      setFormError(
        isUsherApiError(error) && error.code === 'rate_limited' && error.retryAfter
          ? t('signInForm.rateLimited', { count: Math.ceil(error.retryAfter) })
          : requestErrorMessage(t, error),
      )
    }
  })
  const submitting = form.formState.isSubmitting

  return (
    <section
      data-slot="password-reset-form"
      data-mode="request"
      data-state={sentTo ? 'sent' : submitting ? 'submitting' : 'idle'}
      aria-labelledby={titleId}
      className={cn('usher-password-reset-form', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="password-reset-form-title" className="usher-password-reset-form-title">
        {t('passwordReset.requestTitle')}
      </h2>
      {sentTo ? (
        <div data-slot="password-reset-form-sent" className="usher-password-reset-form-notice">
          <p ref={sentRef} tabIndex={-1} role="status">
            {t('passwordReset.sent', { email: sentTo })}
          </p>
          <button
            type="button"
            className="usher-button"
            onClick={() => {
              form.reset({ email: '' })
              setSentTo(null)
            }}
          >
            {t('passwordReset.sendAnother')}
          </button>
        </div>
      ) : (
        <AuthForm
          slot="password-reset-form"
          submitting={submitting}
          onSubmit={(event) => void onSubmit(event)}
          error={formError}
          submitLabel={t('passwordReset.send')}
          submittingLabel={t('passwordReset.sending')}
          actions={
            signInUrl ? (
              <a href={signInUrl} className="usher-password-reset-form-link">
                {t('passwordReset.signIn')}
              </a>
            ) : null
          }
        >
          <p data-slot="password-reset-form-intro" className="usher-password-reset-form-intro">
            {t('passwordReset.requestIntro')}
          </p>
          <TextField
            id={`${id}-email`}
            label={t('passwordReset.email')}
            error={fieldMessage(t, form.formState.errors.email?.message)}
            type="email"
            autoComplete="username"
            aria-required="true"
            {...form.register('email')}
          />
        </AuthForm>
      )}
    </section>
  )
}

function ConfirmMode({
  token,
  onAskNewLink,
  onReset,
  signInUrl,
  className,
  ...props
}: ModeProps & { token: string; onAskNewLink: () => void }) {
  const { t } = useUsherContext()
  const queryClient = useQueryClient()
  const titleId = useId()
  const lookup = usePasswordResetLookup(token)
  const [state, setState] = useState<'idle' | 'done' | 'invalid'>('idle')
  const invalid =
    state === 'invalid' ||
    (isUsherApiError(lookup.error) &&
      (lookup.error.code === 'reset_token_invalid' || lookup.error.code === 'validation_failed'))
  const shown = state === 'done' ? 'done' : invalid ? 'invalid' : lookup.data ? 'form' : lookup.status
  const noticeRef = useFocusOnChange<HTMLDivElement>(shown)

  return (
    <section
      data-slot="password-reset-form"
      data-mode="confirm"
      data-state={shown === 'form' ? 'idle' : shown}
      aria-labelledby={titleId}
      aria-busy={shown === 'pending' || undefined}
      className={cn('usher-password-reset-form', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="password-reset-form-title" className="usher-password-reset-form-title">
        {lookup.data?.activation ? t('passwordReset.activateTitle') : t('passwordReset.confirmTitle')}
      </h2>
      {shown === 'done' ? (
        <div
          ref={noticeRef}
          tabIndex={-1}
          role="status"
          data-slot="password-reset-form-done"
          className="usher-password-reset-form-notice"
        >
          <p>{t('passwordReset.done')}</p>
        </div>
      ) : shown === 'invalid' ? (
        <div
          ref={noticeRef}
          tabIndex={-1}
          role="alert"
          data-slot="password-reset-form-invalid"
          className="usher-password-reset-form-notice"
          data-tone="error"
        >
          <p>{t('passwordReset.invalidLink')}</p>
          <div className="usher-password-reset-form-actions">
            <button type="button" className="usher-button" data-variant="primary" onClick={onAskNewLink}>
              {t('passwordReset.askNewLink')}
            </button>
            {signInUrl ? (
              <a href={signInUrl} className="usher-password-reset-form-link">
                {t('passwordReset.signIn')}
              </a>
            ) : null}
          </div>
        </div>
      ) : shown === 'error' ? (
        <div
          role="alert"
          data-slot="password-reset-form-check-failed"
          className="usher-password-reset-form-notice"
          data-tone="error"
        >
          <p>{t('passwordReset.checkFailed')}</p>
          <p>{requestErrorMessage(t, lookup.error)}</p>
          <div className="usher-password-reset-form-actions">
            <button
              type="button"
              className="usher-button"
              disabled={lookup.isFetching}
              aria-busy={lookup.isFetching || undefined}
              onClick={() => void lookup.refetch()}
            >
              {lookup.isFetching ? t('passwordReset.checking') : t('passwordReset.retry')}
            </button>
          </div>
        </div>
      ) : lookup.data ? (
        <ConfirmForm
          token={token}
          lookup={lookup.data}
          onInvalid={() => setState('invalid')}
          onDone={(result) => {
            setState('done')
            // The link is used up: a later visit must ask the server again, not show the form.
            queryClient.removeQueries({ queryKey: usherKeys.auth.resetLookup(token) })
            onReset?.(result)
          }}
        />
      ) : (
        <p role="status" data-slot="password-reset-form-checking" className="usher-password-reset-form-intro">
          {t('passwordReset.checking')}
        </p>
      )}
    </section>
  )
}

/** The new password, under the policy of the link's organization (read by the lookup). */
function ConfirmForm({
  token,
  lookup,
  onInvalid,
  onDone,
}: {
  token: string
  lookup: PasswordResetLookup
  onInvalid: () => void
  onDone: (result: LoginResult) => void
}) {
  const { t, client } = useUsherContext()
  const policy = lookup.passwordPolicy
  const [person] = useState(() => ({ email: lookup.email, names: [lookup.firstName, lookup.lastName] }))
  const [serverMessages, setServerMessages] = useState<string[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const [schema] = useState(() =>
    withFieldCodes<{ password: string }, z.output<typeof PasswordResetConfirmSchema>>(
      PasswordResetConfirmSchema,
      (values) => ({ token, password: values.password }),
      (values) =>
        values.password && passwordRulesBroken(values.password, policy, person).length
          ? [{ path: 'password', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<{ password: string }, unknown, z.output<typeof PasswordResetConfirmSchema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { password: '' },
  })
  const password = useWatch({ control: form.control, name: 'password' })
  const confirm = useMutation({
    mutationFn: (input: z.output<typeof PasswordResetConfirmSchema>) =>
      client.auth.confirmPasswordReset(input),
  })
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    setServerMessages([])
    try {
      onDone(await confirm.mutateAsync(input))
    } catch (error) {
      if (
        isUsherApiError(error) &&
        (error.code === 'reset_token_invalid' || error.code === 'validation_failed')
      ) {
        if (!error.fieldErrors.some((e) => e.path === 'password')) return onInvalid()
      }
      if (isUsherApiError(error) && error.code === 'password_too_weak') {
        setServerMessages(passwordMessages(t, error, 'password'))
        form.setError('password', { message: 'password_too_weak' }, { shouldFocus: true })
        return
      }
      setFormError(requestErrorMessage(t, error))
    }
  })
  const submitting = form.formState.isSubmitting

  return (
    <AuthForm
      slot="password-reset-form"
      submitting={submitting}
      onSubmit={(event) => void onSubmit(event)}
      error={formError}
      submitLabel={t('passwordReset.save')}
      submittingLabel={t('passwordReset.saving')}
    >
      <p data-slot="password-reset-form-account" className="usher-password-reset-form-intro">
        {t('passwordReset.forAccount', { email: lookup.email, organization: lookup.organization.name })}
      </p>
      {/* The account's address, for password managers to file the new password under (an email
          input hidden from view and from assistive technology; type=hidden is skipped by some). */}
      <input type="email" hidden readOnly name="username" autoComplete="username" value={lookup.email} />
      <PasswordField
        label={t('passwordReset.password')}
        registration={form.register('password')}
        value={password ?? ''}
        policy={policy}
        person={person}
        error={fieldMessage(t, form.formState.errors.password?.message)}
        serverMessages={serverMessages}
      />
    </AuthForm>
  )
}
