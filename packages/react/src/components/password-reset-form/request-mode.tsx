import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { PasswordResetRequestSchema } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type * as z from 'zod'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { TextField } from '../../ui/text-field'
import type { PasswordResetModeProps } from './password-reset-form'
import type { RequestValues } from './password-reset-values'
import { useFocusOnChange } from './use-focus-on-change'

/** Without a token: the address to send a link to; the answer is the same whether an account exists or not. */
export function RequestMode({ onReset: _onReset, signInUrl, className, ...props }: PasswordResetModeProps) {
  const { t, client } = useUsherContext()
  const id = useId()
  const titleId = useId()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [schema] = useState(() =>
    withFieldCodes<RequestValues, z.output<typeof PasswordResetRequestSchema>>(
      PasswordResetRequestSchema,
      (values) => values,
    ),
  )
  const form = useForm<RequestValues, unknown, z.output<typeof PasswordResetRequestSchema>>({
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
          : errorMessage(t, error),
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
