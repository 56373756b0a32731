import type { PasswordResetConfirmInput, PasswordResetRequestInput } from '@usher/contract'

/** What the request form holds: the contract's request, without the organization (the server finds it). */
export type RequestValues = Required<Pick<PasswordResetRequestInput, 'email'>>

/** What the new-password form holds: the contract's confirmation without the token (the link's). */
export type ConfirmValues = Pick<PasswordResetConfirmInput, 'password'>
