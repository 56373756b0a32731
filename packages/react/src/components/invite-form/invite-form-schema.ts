import {
  createInvitationsSchema,
  type InvitationRowInput,
  InvitationRowSchema,
  toFieldErrors,
} from '@usher/contract'
import * as z from 'zod'
import type { Translate } from '../../i18n/translate'
import { fieldMessage } from '../../lib/form-codes'

/** The fields of the contract's invitation row that a row of the form shows a control for. */
export type RowField = Exclude<keyof InvitationRowInput, 'locale'>

/**
 * The row's fields in the contract's order; `locale` has no control (an invitation takes the
 * organization's language), and its errors land on the email.
 */
export const ROW_FIELDS = Object.keys(InvitationRowSchema.shape).filter(
  (key): key is RowField => key !== 'locale',
)

/**
 * One row as the form holds it: the contract's row input without its empty alternatives, so
 * strings for inputs ('' for nothing) and arrays for multi-selects.
 */
export type InviteRowValues = { [K in RowField]-?: NonNullable<InvitationRowInput[K]> }

type CreateInvitationsFormInput = z.input<ReturnType<typeof createInvitationsSchema>>

export interface InviteFormValues {
  invitations: InviteRowValues[]
  message: NonNullable<CreateInvitationsFormInput['message']>
}

/** What the form hands to `onSubmit`: the contract's parsed request. */
export type InviteFormOutput = z.output<ReturnType<typeof createInvitationsSchema>>

export const blankRow = (role: string): InviteRowValues => ({
  salutation: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  role,
  groupIds: [],
  contactFor: [],
})

/** Whether the person typed nothing in the row (its role and selections aside). */
export const isBlankRow = (row: InviteRowValues) =>
  !row.firstName.trim() && !row.lastName.trim() && !row.email.trim() && !row.phone.trim()

/**
 * Where an error of the request lands in the form: `invitations.2.groupIds.0` on the row's groups
 * control, `invitations.2.locale` (no control of its own) on the row's email, anything else at
 * its own path.
 */
export function formPath(path: string): { row: number; field: RowField } | { path: string } {
  const match = /^invitations\.(\d+)(?:\.([^.]+))?/u.exec(path)
  if (!match) return { path }
  const field = (ROW_FIELDS as readonly string[]).includes(match[2] ?? '') ? (match[2] as RowField) : 'email'
  return { row: Number(match[1]), field }
}

/**
 * The contract's `createInvitationsSchema` for the organization's shared-mailbox list, re-reporting
 * each issue with its contract field-error code as the message. zodResolver keeps zod's own issue
 * code (`custom` for every contract rule: duplicate, shared mailbox, invalid name...) and its
 * English text; the catalogs are keyed by the contract's code, which `toFieldErrors` reads from the
 * issues exactly as the server does. The parse runs once.
 */
export function inviteFormSchema(refusedMailboxes: readonly string[]) {
  const schema = createInvitationsSchema(refusedMailboxes)
  return z.unknown().transform((input, ctx) => {
    const result = schema.safeParse(input)
    if (result.success) return result.data
    for (const error of toFieldErrors(result.error.issues, [], { input })) {
      const target = formPath(error.path)
      ctx.addIssue({
        code: 'custom',
        path: 'row' in target ? ['invitations', target.row, target.field] : target.path.split('.'),
        message: error.code,
      })
    }
    return z.NEVER
  }) as unknown as z.ZodType<z.output<typeof schema>, InviteFormValues>
}

/**
 * The message of an error code on a row's field: field-error codes (the form's own and the
 * server's per-row ones), then problem codes (a row's error with no field), then a generic text.
 */
export function fieldErrorMessage(
  t: Translate,
  code: string,
  context: { field: RowField | 'message'; duplicateOf?: number },
): string {
  if (code === 'duplicate' && context.duplicateOf !== undefined) {
    return t('inviteForm.errors.duplicateOf', { row: context.duplicateOf })
  }
  if (context.field === 'groupIds' && (code === 'required' || code === 'too_few')) {
    return t('inviteForm.errors.groupsRequired')
  }
  return fieldMessage(t, code) ?? t('common.unknownError')
}
