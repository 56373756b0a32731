import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { type LoginResult, LoginSchema } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { type ComponentProps, useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type * as z from 'zod'
import type { Translate } from '../../i18n/translate'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { TextField } from '../../ui/text-field'
import { ChangePasswordStep } from './change-password-step'
import { OrganizationStep } from './organization-step'

export interface SignInFormProps extends Omit<ComponentProps<'section'>, 'children'> {
  /**
   * Called with the session once the person is signed in — after the change-password step when
   * the server requires one (`mustChangePassword`), with the session that step returned.
   * @example onSignedIn={({ session }) => saveSession(session.token)}
   */
  onSignedIn?: (result: LoginResult) => void
  /** Where "Forgot your password?" leads (a page with `<PasswordResetForm />`). */
  forgotPasswordUrl?: string
  /** Pre-fills the address. */
  defaultEmail?: string
}

interface Values {
  email: string
  password: string
}

type Step = 'credentials' | 'changePassword' | 'organization' | 'signedIn'

/** A sign-in refusal as a sentence: rate limits say how long to wait. */
function signInErrorMessage(t: Translate, error: unknown): string {
  if (isUsherApiError(error) && error.code === 'rate_limited' && error.retryAfter) {
    return t('signInForm.rateLimited', { count: Math.ceil(error.retryAfter) })
  }
  return errorMessage(t, error)
}

/**
 * The built-in sign-in: email and password, one for every organization of the person. An account
 * in several organizations then picks the one to open (the one used last is first). A password
 * set by an administrator leads to the change-password step before `onSignedIn`.
 */
export function SignInForm({
  onSignedIn,
  forgotPasswordUrl,
  defaultEmail = '',
  className,
  ...props
}: SignInFormProps) {
  const { t, client } = useUsherContext()
  const id = useId()
  const titleId = useId()
  const [step, setStep] = useState<Step>('credentials')
  const [pending, setPending] = useState<{ result: LoginResult; password: string } | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [schema] = useState(() =>
    withFieldCodes<Values, z.output<typeof LoginSchema>>(LoginSchema, (values) => ({
      email: values.email,
      password: values.password,
    })),
  )
  const form = useForm<Values, unknown, z.output<typeof LoginSchema>>({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    defaultValues: { email: defaultEmail, password: '' },
  })
  const login = useMutation({ mutationFn: (input: z.output<typeof LoginSchema>) => client.auth.login(input) })

  const finish = (result: LoginResult) => {
    setStep('signedIn')
    onSignedIn?.(result)
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    try {
      const result = await login.mutateAsync(input)
      if (result.mustChangePassword) {
        setPending({ result, password: input.password })
        setStep('changePassword')
      } else if (result.memberships.length > 1) {
        setPending({ result, password: input.password })
        setStep('organization')
      } else finish(result)
    } catch (error) {
      setFormError(signInErrorMessage(t, error))
    }
  })

  const submitting = form.formState.isSubmitting
  const errors = form.formState.errors

  return (
    <section
      data-slot="sign-in-form"
      data-state={step === 'credentials' && submitting ? 'submitting' : step}
      aria-labelledby={titleId}
      className={cn('usher-sign-in-form', className)}
      {...props}
    >
      {step === 'changePassword' && pending ? (
        <ChangePasswordStep
          titleId={titleId}
          login={pending.result}
          currentPassword={pending.password}
          onChanged={finish}
        />
      ) : step === 'organization' && pending ? (
        <OrganizationStep
          titleId={titleId}
          login={pending.result}
          onPicked={(result) => {
            // The organization picked may require a new password (an administrator asked for one).
            if (result.mustChangePassword) {
              setPending({ result, password: pending.password })
              setStep('changePassword')
            } else finish(result)
          }}
        />
      ) : (
        <>
          <h2 id={titleId} data-slot="sign-in-form-title" className="usher-sign-in-form-title">
            {t('signInForm.title')}
          </h2>
          {step === 'signedIn' ? (
            <p role="status" data-slot="sign-in-form-signed-in">
              {t('signInForm.signedIn')}
            </p>
          ) : (
            <AuthForm
              slot="sign-in-form"
              submitting={submitting}
              onSubmit={(event) => void onSubmit(event)}
              error={formError}
              submitLabel={t('signInForm.submit')}
              submittingLabel={t('signInForm.submitting')}
              actions={
                forgotPasswordUrl ? (
                  <a
                    href={forgotPasswordUrl}
                    data-slot="sign-in-form-forgot"
                    className="usher-sign-in-form-link"
                  >
                    {t('signInForm.forgotPassword')}
                  </a>
                ) : null
              }
            >
              <TextField
                id={`${id}-email`}
                label={t('signInForm.fields.email')}
                error={fieldMessage(t, errors.email?.message)}
                type="email"
                autoComplete="username"
                aria-required="true"
                {...form.register('email')}
              />
              <TextField
                id={`${id}-password`}
                label={t('signInForm.fields.password')}
                error={fieldMessage(t, errors.password?.message)}
                type="password"
                autoComplete="current-password"
                aria-required="true"
                {...form.register('password')}
              />
            </AuthForm>
          )}
        </>
      )}
    </section>
  )
}
