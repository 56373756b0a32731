import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { ChangePasswordSchema, type LoginResult, passwordRulesBroken } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useEffect, useId, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, passwordMessages, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { PasswordField } from '../../ui/password-field'
import { TextField } from '../../ui/text-field'

interface Values {
  currentPassword: string
  newPassword: string
}

/**
 * "Change the password at the next sign-in": the session of `login` may only change
 * the password, so the call carries it; the fresh session the server answers replaces it.
 */
export function ChangePasswordStep({
  titleId,
  login,
  currentPassword,
  onChanged,
}: {
  titleId: string
  login: LoginResult
  currentPassword: string
  onChanged: (result: LoginResult) => void
}) {
  // The organization's policy came with the sign-in: this session may read nothing else.
  const policy = login.passwordPolicy
  const { t, client } = useUsherContext()
  const id = useId()
  const person = {
    email: login.user.email,
    names: [login.user.firstName, login.user.lastName],
  }
  const [schema] = useState(() =>
    withFieldCodes<Values, z.output<typeof ChangePasswordSchema>>(
      ChangePasswordSchema,
      (values) => values,
      (values) =>
        values.newPassword && passwordRulesBroken(values.newPassword, policy, person).length
          ? [{ path: 'newPassword', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<Values, unknown, z.output<typeof ChangePasswordSchema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { currentPassword, newPassword: '' },
  })
  const newPassword = useWatch({ control: form.control, name: 'newPassword' })
  const change = useMutation({
    mutationFn: (input: z.output<typeof ChangePasswordSchema>) =>
      client.auth.changePassword(input, { headers: { authorization: `Bearer ${login.session.token}` } }),
  })
  const [serverMessages, setServerMessages] = useState<string[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The step replaces the sign-in form: its heading takes focus, so the change is announced.
  useEffect(() => headingRef.current?.focus(), [])

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    setServerMessages([])
    try {
      onChanged(await change.mutateAsync(input))
    } catch (error) {
      if (isUsherApiError(error) && error.code === 'invalid_credentials') {
        form.setError('currentPassword', { message: 'invalid_credentials' }, { shouldFocus: true })
        return
      }
      if (isUsherApiError(error) && error.code === 'password_too_weak') {
        setServerMessages(passwordMessages(t, error, 'newPassword'))
        form.setError('newPassword', { message: 'password_too_weak' }, { shouldFocus: true })
        return
      }
      setFormError(errorMessage(t, error))
    }
  })
  const errors = form.formState.errors
  const submitting = form.formState.isSubmitting
  const currentError =
    errors.currentPassword?.message === 'invalid_credentials'
      ? t('signInForm.changePassword.wrongCurrent')
      : fieldMessage(t, errors.currentPassword?.message)

  return (
    <>
      <h2
        id={titleId}
        ref={headingRef}
        tabIndex={-1}
        data-slot="sign-in-form-title"
        className="usher-sign-in-form-title"
      >
        {t('signInForm.changePassword.title')}
      </h2>
      <p data-slot="sign-in-form-change-intro">{t('signInForm.changePassword.intro')}</p>
      <AuthForm
        slot="sign-in-form"
        formSlot="sign-in-form-change-password"
        submitting={submitting}
        onSubmit={(event) => void onSubmit(event)}
        error={formError}
        submitLabel={t('signInForm.changePassword.submit')}
        submittingLabel={t('signInForm.changePassword.submitting')}
      >
        <TextField
          id={`${id}-current`}
          label={t('signInForm.changePassword.current')}
          error={currentError}
          type="password"
          autoComplete="current-password"
          {...form.register('currentPassword')}
        />
        <PasswordField
          label={t('signInForm.changePassword.next')}
          registration={form.register('newPassword')}
          value={newPassword ?? ''}
          policy={policy}
          person={person}
          error={fieldMessage(t, errors.newPassword?.message)}
          serverMessages={serverMessages}
        />
      </AuthForm>
    </>
  )
}
