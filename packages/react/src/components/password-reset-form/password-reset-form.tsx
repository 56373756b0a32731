import type { LoginResult } from '@usher/contract'
import { type ComponentProps, useState } from 'react'
import { ConfirmMode } from './confirm-mode'
import { RequestMode } from './request-mode'

export interface PasswordResetFormProps extends Omit<ComponentProps<'section'>, 'children' | 'onReset'> {
  /**
   * The token of the link the reset email opened: the form asks for the new password. Without
   * one, it asks for the address to send a link to.
   */
  token?: string | undefined
  /**
   * Called once the new password is saved, with the session the server signed in (the account is
   * activated too when it was only invited: a lost invitation email is replaced by a reset).
   */
  onReset?: (result: LoginResult) => void
  /** Offered after the reset and on an invalid link. */
  signInUrl?: string
}

/** What both modes take: the form's props but the token. */
export type PasswordResetModeProps = Omit<PasswordResetFormProps, 'token'>

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
