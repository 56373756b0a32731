import { useQueryClient } from '@tanstack/react-query'
import { isUsherApiError } from '@usher/sdk'
import { useId, useState } from 'react'
import { usePasswordResetLookup } from '../../hooks/use-password-reset-lookup'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { usherKeys } from '../../query/keys'
import { ConfirmForm } from './confirm-form'
import type { PasswordResetModeProps } from './password-reset-form'
import { useFocusOnChange } from './use-focus-on-change'

/**
 * With a token: whose account the link is for, then the new password; an unusable link says so
 * before anything is typed.
 */
export function ConfirmMode({
  token,
  onAskNewLink,
  onReset,
  signInUrl,
  className,
  ...props
}: PasswordResetModeProps & { token: string; onAskNewLink: () => void }) {
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
          <p>{errorMessage(t, lookup.error)}</p>
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
