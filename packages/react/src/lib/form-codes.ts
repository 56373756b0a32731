import {
  ERROR_CODES,
  FIELD_ERROR_CODES,
  type FieldErrorCode,
  PASSWORD_MAX_LENGTH,
  PasswordTooWeakDetailsSchema,
  toFieldErrors,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import * as z from 'zod'
import type { Translate } from '../i18n/translate'

/**
 * A contract schema for react-hook-form's zodResolver, each issue re-reported with its contract
 * field-error code as the message (zod's own code is `custom` for every contract rule), read by
 * `toFieldErrors` exactly as the server reads it. `prepare` turns the form's values (strings for
 * inputs) into the request; `extra` adds the checks the form knows more about (the password policy).
 */
export function withFieldCodes<Values, Output>(
  schema: z.ZodType<Output>,
  prepare: (values: Values) => unknown,
  extra?: (values: Values) => Array<{ path: string; code: string }>,
): z.ZodType<Output, Values> {
  return z.unknown().transform((input, ctx) => {
    const values = input as Values
    const more = extra?.(values) ?? []
    const result = schema.safeParse(prepare(values))
    for (const error of result.success ? [] : toFieldErrors(result.error.issues, [], { input })) {
      ctx.addIssue({ code: 'custom', path: error.path.split('.'), message: error.code })
    }
    for (const error of more)
      ctx.addIssue({ code: 'custom', path: error.path.split('.'), message: error.code })
    if (!result.success || more.length) return z.NEVER
    return result.data
  }) as unknown as z.ZodType<Output, Values>
}

const isFieldCode = (code: string): code is FieldErrorCode =>
  (FIELD_ERROR_CODES as readonly string[]).includes(code)

/** A field's message from its code (a contract field-error code or error code). */
export function fieldMessage(t: Translate, code: string | undefined): string | undefined {
  if (!code) return undefined
  if (isFieldCode(code)) return t(`errors.fields.${code}`)
  if (Object.hasOwn(ERROR_CODES, code)) return t(`errors.codes.${code as keyof typeof ERROR_CODES}`)
  return t('common.unknownError')
}

/**
 * Why the server refused a password, in the UI's language: from the problem's codes and the policy
 * it applied (`passwordProblems`, `passwordPolicy`). A backend that sends only field errors gets
 * its own `message`s shown.
 */
export function passwordMessages(t: Translate, error: unknown, path: string): string[] {
  if (!isUsherApiError(error) || error.code !== 'password_too_weak') return []
  const details = PasswordTooWeakDetailsSchema.safeParse(error.problem)
  if (details.success) {
    const { passwordProblems, passwordPolicy } = details.data
    return passwordProblems.map((problem) =>
      t(`passwordField.problems.${problem}`, { count: passwordPolicy.minLength, max: PASSWORD_MAX_LENGTH }),
    )
  }
  return error.fieldErrors.filter((e) => e.path === path).map((e) => e.message)
}
