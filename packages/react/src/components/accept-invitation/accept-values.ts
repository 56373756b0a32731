import { type AcceptInvitationInput, AcceptInvitationSchema } from '@usher/contract'

/** The fields of the contract's `AcceptInvitation` the person fills (the link gives the token). */
export type AcceptField = Exclude<keyof AcceptInvitationInput, 'token' | 'locale'>

/** The fields in the contract's order: where the server's field errors may land. */
export const ACCEPT_FIELDS = Object.keys(AcceptInvitationSchema.shape).filter(
  (key): key is AcceptField => key !== 'token' && key !== 'locale',
)

/** What the form holds: the contract's input, with '' for "no salutation" (a select's empty choice). */
export type AcceptInvitationValues = {
  [K in AcceptField]-?: K extends 'salutation'
    ? '' | NonNullable<AcceptInvitationInput[K]>
    : NonNullable<AcceptInvitationInput[K]>
}
