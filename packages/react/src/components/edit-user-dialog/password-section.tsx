import { zodResolver } from '@hookform/resolvers/zod'
import { passwordRulesBroken, SetUserPasswordSchema, type User } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { Dialog } from 'radix-ui'
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type * as z from 'zod'
import { useSetUserPassword } from '../../hooks/use-set-user-password'
import type { Viewer } from '../../hooks/use-viewer'
import { errorMessage, personName } from '../../lib/error-message'
import { fieldMessage, passwordMessages, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { PasswordField } from '../../ui/password-field'

interface Values {
  password: string
  mustChangePassword: boolean
}

type Parsed = z.output<typeof SetUserPasswordSchema>

/**
 * "Set a password" on someone's record: the organization's policy ticked live under the field, the
 * strength meter, and "must change it at the next sign-in" ticked as the organization's setting
 * says. A pending invitation becomes an active account; a disabled one must be enabled first.
 */
export function PasswordSection({ viewer, user }: { viewer: Viewer; user: User }) {
  const { t } = useUsherContext()
  const id = useId()
  const { passwordPolicy: policy } = viewer.me.organization.settings
  const person = { email: user.email, names: [user.firstName, user.lastName] }
  const setPassword = useSetUserPassword()
  const [schema] = useState(() =>
    withFieldCodes<Values, Parsed>(
      SetUserPasswordSchema,
      (values) => values,
      // The policy's rules, checked as the server will, so the field says what is missing first.
      (values) =>
        values.password && passwordRulesBroken(values.password, policy, person).length
          ? [{ path: 'password', code: 'password_too_weak' }]
          : [],
    ),
  )
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { password: '', mustChangePassword: policy.forceChangeAfterAdminSet },
  })
  const password = useWatch({ control: form.control, name: 'password' })
  const [serverMessages, setServerMessages] = useState<string[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  if (user.status === 'disabled') {
    return (
      <p data-slot="edit-user-password-disabled" className="usher-text-field-hint">
        {t('editUser.password.disabled')}
      </p>
    )
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    setServerMessages([])
    setDone(null)
    try {
      await setPassword.mutateAsync({ id: user.id, input })
      form.reset({ password: '', mustChangePassword: input.mustChangePassword ?? false })
      setDone(
        t(input.mustChangePassword ? 'editUser.password.doneMustChange' : 'editUser.password.done', {
          name: personName(user),
        }),
      )
    } catch (error) {
      if (isUsherApiError(error) && error.code === 'password_too_weak') {
        setServerMessages(passwordMessages(t, error, 'password'))
        form.setError('password', { message: 'password_too_weak' }, { shouldFocus: true })
        return
      }
      setFormError(errorMessage(t, error))
    }
  })

  return (
    <AuthForm
      slot="edit-user"
      formSlot="edit-user-password-form"
      submitting={form.formState.isSubmitting}
      onSubmit={(event) => void onSubmit(event)}
      error={formError}
      submitLabel={t('editUser.password.submit')}
      submittingLabel={t('editUser.password.submitting')}
      actions={
        <Dialog.Close asChild>
          <button type="button" className="usher-button">
            {t('common.close')}
          </button>
        </Dialog.Close>
      }
    >
      <p data-slot="edit-user-password-intro" className="usher-text-field-hint">
        {user.status === 'active' ? t('editUser.password.intro') : t('editUser.password.introInvited')}
      </p>
      <PasswordField
        label={t('editUser.password.label')}
        registration={form.register('password')}
        value={password ?? ''}
        policy={policy}
        person={person}
        error={fieldMessage(t, form.formState.errors.password?.message)}
        serverMessages={serverMessages}
      />
      <label className="usher-edit-user-check" htmlFor={`${id}-must-change`}>
        <input id={`${id}-must-change`} type="checkbox" {...form.register('mustChangePassword')} />
        {t('editUser.password.mustChange')}
      </label>
      <p data-slot="edit-user-password-status" role="status" className="usher-text-field-hint">
        {done ?? ''}
      </p>
    </AuthForm>
  )
}
