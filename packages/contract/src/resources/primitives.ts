import * as z from 'zod'
import {
  EMAIL_MAX_LENGTH,
  isRefusedMailbox,
  isValidEmail,
  normalizeEmail,
  SHARED_MAILBOX_MESSAGE,
} from '../rules/email'
import { isValidPhone, NAME_MAX_LENGTH, nameProblem, normalizeName } from '../rules/names'
import { LOCALES, ROLE_KEY_PATTERN } from '../rules/roles'

/**
 * An opaque id. Usher's server uses UUIDs, but a host backing the components with its own API may
 * not, so inputs accept any short token; the pattern keeps path segments safe (no `/`, `.`, `%`).
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: 'Not an id.' })
  .meta({ id: 'Id', description: 'An opaque id (UUIDs on the reference server).' })
export const TimestampSchema = z.iso.datetime({ offset: true }).meta({ id: 'Timestamp' })
export const LocaleSchema = z.enum(LOCALES).meta({ id: 'Locale' })
export type Locale = z.infer<typeof LocaleSchema>
export const SalutationSchema = z
  .enum(['mr', 'ms', 'mx'])
  .meta({ id: 'Salutation', description: 'Mr / Ms / Mx (M. / Mme / —); labels come from the catalogs.' })
export type Salutation = z.infer<typeof SalutationSchema>

// Control characters (Unicode Cc: C0, DEL and C1, NUL included) have no place in what people
// type: a NUL cannot even be stored in PostgreSQL's text, and an escape or a bell is an attack on
// the terminals and mail clients that show the text. Multi-line texts keep tab and line breaks.
const SINGLE_LINE = /^\P{Cc}*$/u
const MULTI_LINE = /^(?:[\t\n\r]|\P{Cc})*$/u

/**
 * Refuses control characters with the field code `control_character`; `lineBreaks` lets tab, line
 * feed and carriage return through (a note, a description, a name whose spaces are folded).
 * The one check every free text of the contract goes through, documented as the `pattern`.
 */
export function withoutControlCharacters(
  schema: z.ZodString,
  options: { lineBreaks?: boolean } = {},
): z.ZodString {
  const pattern = options.lineBreaks ? MULTI_LINE : SINGLE_LINE
  return schema
    .refine((value) => pattern.test(value), {
      params: { code: 'control_character' },
      message: options.lineBreaks
        ? 'Control characters are not allowed (tab and line breaks are).'
        : 'Control characters, tabs and line breaks are not allowed.',
    })
    .meta({ pattern: pattern.source })
}

/**
 * A free text: trimmed, `min` to `max` characters, no control characters (see
 * `withoutControlCharacters`; `lineBreaks` for multi-line texts). Names, titles, search terms,
 * notes: every text a person types is one.
 * @example textSchema({ max: 100 }) // a job title
 */
export function textSchema(options: { max: number; min?: number; lineBreaks?: boolean }): z.ZodString {
  const base = z.string().trim().max(options.max)
  return withoutControlCharacters(options.min === undefined ? base : base.min(options.min), options)
}

/** A person's name: normalised (trimmed, spaces folded, NFC), then checked by `nameProblem`. */
export const PersonNameSchema = withoutControlCharacters(z.string().max(NAME_MAX_LENGTH * 2), {
  lineBreaks: true,
})
  .transform(normalizeName)
  .superRefine((value, ctx) => {
    const problem = nameProblem(value)
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        params: { code: problem },
        message:
          problem === 'required'
            ? 'Required.'
            : problem === 'too_long'
              ? `At most ${NAME_MAX_LENGTH} characters.`
              : 'Letters, spaces, apostrophes and hyphens only; no links or addresses.',
      })
    }
  })

/** Last names may be empty: not everybody has two names. */
export const OptionalLastNameSchema = withoutControlCharacters(z.string().max(NAME_MAX_LENGTH * 2), {
  lineBreaks: true,
})
  .transform(normalizeName)
  .superRefine((value, ctx) => {
    const problem = value === '' ? null : nameProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', params: { code: problem }, message: 'Invalid name.' })
  })

/** An email address (`isValidEmail`: internationalised ones included), normalised (`normalizeEmail`). */
export const EmailSchema = z
  .string()
  .trim()
  // Too long is one error, not also a malformed address.
  .max(EMAIL_MAX_LENGTH, { abort: true })
  .refine(isValidEmail, { params: { code: 'invalid_email' }, message: 'Not a valid email address.' })
  .transform(normalizeEmail)
  .meta({ id: 'Email' })

/**
 * An email that may hold a person's account: refuses the shared mailboxes of `refused`. The
 * organization's own list reaches forms and server through this factory.
 */
export function personEmailSchema(refused?: readonly string[]) {
  return EmailSchema.superRefine((email, ctx) => {
    if (isRefusedMailbox(email, refused)) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'shared_mailbox_refused' },
        message: SHARED_MAILBOX_MESSAGE,
      })
    }
  })
}
export const PersonEmailSchema = personEmailSchema()

export const PhoneSchema = z
  .string()
  .trim()
  .max(32)
  .refine(isValidPhone, { params: { code: 'invalid_phone' }, message: 'Not a valid phone number.' })
  .meta({ id: 'Phone' })

/** One line: a nickname, a job title, a department, a label. */
export const ShortTextSchema = textSchema({ max: 100 })
/** Several lines: a description. */
export const LongTextSchema = textSchema({ max: 1000, lineBreaks: true })

/** A version number for optimistic concurrency: sent back in `If-Match`. */
export const VersionSchema = z.number().int().nonnegative()

export const TopicKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'Lowercase letters, digits, "-" and "_".' })
export const RoleKeySchema = z
  .string()
  .regex(ROLE_KEY_PATTERN, { message: 'Lowercase letters, digits, "-" and "_".' })
  .meta({ id: 'RoleKey', description: 'A role: `owner`, `admin`, `technician`, or a custom role key.' })

/** Opaque keyset cursor. */
export const CursorSchema = z.string().min(1).max(512)
/** A page size from a query string or a caller: typed `number | string` for callers, not `unknown`. */
export const limitSchema = (max: number, fallback: number) =>
  (z.coerce.number().int().min(1).max(max) as unknown as z.ZodType<number, number | string>).default(fallback)

/**
 * Form inputs and spreadsheet cells give '' for "nothing": read it as null (cleared / not given),
 * so an untouched optional phone or salutation does not block a form or an import row.
 */
export function blankAsNull<T extends z.ZodType>(schema: T) {
  return z.union([z.literal('').transform(() => null), schema.nullable()])
}

/** Like blankAsNull, for fields that are absent rather than null. */
export function blankAsAbsent<T extends z.ZodType>(schema: T) {
  return z.union([z.literal('').transform(() => undefined), schema]).optional()
}

/** 256 random bits, base64url: invitation and password-reset tokens. */
export const SecretTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Not a valid link token.' })

/**
 * Query-string lists: `?status=invited&status=expired` or `?status=invited,expired`. Typed as the
 * item's array for callers (the preprocess would make it `unknown`); a single value is accepted.
 */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined
    const list = Array.isArray(value) ? value : [value]
    return list.flatMap((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : [v]))
  }, z.array(item).max(20).optional()) as unknown as z.ZodOptional<
    z.ZodType<Array<z.output<T>>, Array<z.input<T>> | z.input<T>>
  >
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` to get the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
export type Page<T> = { items: T[]; nextCursor: string | null }
