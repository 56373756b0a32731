import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import {
  type LoginResult,
  PasswordResetConfirmSchema,
  type PasswordResetLookup,
  passwordRulesBroken,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, passwordMessages, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { PasswordField } from '../../ui/password-field'
import type { ConfirmValues } from './password-reset-values'

/** The new password, under the policy of the link's organization (read by the lookup). */
export function ConfirmForm({
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
    withFieldCodes<ConfirmValues, z.output<typeof PasswordResetConfirmSchema>>(
      PasswordResetConfirmSchema,
      (values) => ({ token, password: values.password }),
      (values) =>
        values.password && passwordRulesBroken(values.password, policy, person).length
          ? [{ path: 'password', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<ConfirmValues, unknown, z.output<typeof PasswordResetConfirmSchema>>({
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
      setFormError(errorMessage(t, error))
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
