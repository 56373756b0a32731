import * as z from 'zod'
import { type FieldError, ItemErrorSchema, toFieldErrors } from '../errors/problem'
import { PASSWORD_MAX_LENGTH } from '../rules/password'
import { rowEmailSchema } from './invitation'
import { IMPORT_ROW_LIMIT_MAX } from './organization'
import {
  blankAsAbsent,
  blankAsNull,
  CursorSchema,
  IdSchema,
  LocaleSchema,
  LongTextSchema,
  limitSchema,
  OptionalLastNameSchema,
  PersonNameSchema,
  PhoneSchema,
  pageOf,
  RoleKeySchema,
  SalutationSchema,
  ShortTextSchema,
  TimestampSchema,
  TopicKeySchema,
  textSchema,
} from './primitives'

/**
 * Words a directory or a spreadsheet writes in place of a password it will not show: Google
 * Workspace's user download has `****` in its Password column, others `<hidden>` or `[redacted]`.
 */
const MASK_WORDS = new Set(['hidden', 'masked', 'redacted', 'masque', 'masquee'])

/**
 * Whether a password cell is a placeholder rather than a password: only mask characters
 * (`****`, `••••`), a word in angle, square or curly brackets (`<hidden>`, `[masqué]`), or one of
 * the words exports use for it. Such a value is refused on its row, never set.
 */
export function isMaskedPassword(value: string): boolean {
  const text = value.trim()
  if (/^[*•●·]{3,}$/u.test(text)) return true
  if (/^(<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\})$/u.test(text)) return true
  const word = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return MASK_WORDS.has(word)
}

/** Why a masked password is refused, in the API's words (clients show their own). */
export const MASKED_PASSWORD_MESSAGE =
  'This cell holds a masked password, not a password: leave it empty to invite the person, or give the password itself.'

/**
 * One row of an import file, after column mapping. `line` is the file's line number, so every
 * error points at the line the administrator sees in their spreadsheet. See `rowEmailSchema`
 * (invitation.ts) for `refused`.
 */
export function importRowSchema(refused?: readonly string[] | null) {
  return z
    .object({
      line: z.number().int().positive(),
      salutation: blankAsNull(SalutationSchema).optional(),
      firstName: PersonNameSchema,
      lastName: OptionalLastNameSchema.default(''),
      nickname: ShortTextSchema.optional(),
      email: rowEmailSchema(refused),
      // Spreadsheets leave empty cells: '' is "not given", not an invalid number.
      phone: blankAsNull(PhoneSchema).optional(),
      mobile: blankAsNull(PhoneSchema).optional(),
      jobTitle: ShortTextSchema.optional(),
      department: ShortTextSchema.optional(),
      description: LongTextSchema.optional(),
      externalId: textSchema({ max: 255 }).optional(),
      role: RoleKeySchema.optional(),
      /** A group per row (a "technician group id" column); otherwise the import's target group. */
      groupId: blankAsAbsent(IdSchema),
      /** Several groups for the row (a cell naming them with `;` or `|`); with `groupId`, both count. */
      groupIds: z.array(IdSchema).min(1).max(50).optional(),
      contactFor: z.array(TopicKeySchema).max(50).optional(),
      locale: blankAsAbsent(LocaleSchema),
      /**
       * An initial password creates the account active, checked against the policy, with
       * "change password at next sign-in" set; without one the person is invited.
       */
      password: z
        .string()
        .min(1)
        .max(PASSWORD_MAX_LENGTH)
        .refine((p) => !isMaskedPassword(p), {
          params: { code: 'invalid_value' },
          message: MASKED_PASSWORD_MESSAGE,
        })
        .optional(),
      enabled: z.boolean().optional(),
    })
    .strict()
}
/** Past this many distinct values a field's verdicts stop being remembered (names, addresses). */
const REMEMBERED_VALUES = 5_000
const NOT_REMEMBERED = Symbol('not remembered')

/** A list of strings as one key (kept in a map of its own, apart from string values); else NOT_REMEMBERED. */
function listKey(value: object): string | typeof NOT_REMEMBERED {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return NOT_REMEMBERED
  return JSON.stringify(value)
}

/**
 * `importRowSchema`'s verdict on many rows, quickly: each field is checked with the schema's own
 * field schema, and a field's verdict on a value it has already judged is remembered (a file
 * repeats its roles, groups, departments and flags on every line). The row schema has no rule
 * across fields, so the errors are the ones `importRowSchema(refused).safeParse(row)` gives,
 * as `toFieldErrors` words them, in the same order (the fields', then unknown fields). An import
 * preview checks tens of thousands of rows while the administrator waits; the object-level
 * parse of each row was most of that time.
 */
export function importRowChecker(refused?: readonly string[] | null): (row: object) => FieldError[] {
  const { shape } = importRowSchema(refused)
  const fields = Object.keys(shape) as (keyof typeof shape)[]
  const remembered = fields.map(() => new Map<unknown, FieldError[]>())
  const rememberedLists = fields.map(() => new Map<unknown, FieldError[]>())
  const judge = (field: keyof typeof shape, value: unknown): FieldError[] => {
    const result = shape[field].safeParse(value)
    return result.success ? [] : toFieldErrors(result.error.issues, [field], { input: value })
  }
  return (row) => {
    const input = row as Record<string, unknown>
    const errors: FieldError[] = []
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as keyof typeof shape
      const value = input[field]
      // A list of strings (groups, topics) is remembered by its items; other objects are judged
      // each time (by identity they would never match).
      const primitive = typeof value !== 'object' || value === null
      const key = primitive ? value : listKey(value)
      const seen = (primitive ? remembered[i] : rememberedLists[i]) as Map<unknown, FieldError[]>
      let verdict: FieldError[] | undefined
      // A field with this many distinct values (names, addresses) seldom repeats one: judged
      // directly from then on, without looking it up.
      if (key === NOT_REMEMBERED || seen.size >= REMEMBERED_VALUES) verdict = judge(field, value)
      else {
        verdict = seen.get(key)
        if (verdict === undefined) {
          verdict = judge(field, value)
          seen.set(key, verdict)
        }
      }
      for (const error of verdict) errors.push(error)
    }
    for (const key in input) {
      if (!Object.hasOwn(shape, key)) {
        errors.push({ path: key, code: 'unknown_field', message: `Unknown field "${key}".` })
      }
    }
    return errors
  }
}

/** The wire shape (the server applies the organization's shared-mailbox list). */
export const ImportRowSchema = importRowSchema(null).meta({ id: 'ImportRow' })
export type ImportRowInput = z.input<typeof ImportRowSchema>

/** What the rows were read from: a CSV or JSON text, or an Excel workbook (.xlsx). */
export const ImportFileFormatSchema = z.enum(['csv', 'json', 'xlsx']).meta({ id: 'ImportFileFormat' })

export const ImportOptionsSchema = z
  .object({
    /** Validate every row and report, create nothing. */
    dryRun: z.boolean().default(false),
    defaultRole: RoleKeySchema.default('technician'),
    /** The import's target group, for rows that name none. */
    targetGroupId: IdSchema.nullable().default(null),
    /** Email the invitations now (rows without a password); false creates them unsent. */
    sendInvitations: z.boolean().default(true),
    /** Update the profile of rows whose email already exists, instead of skipping them. */
    updateExisting: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ImportOptions' })

export const CreateImportSchema = z
  .object({
    fileName: textSchema({ min: 1, max: 255 }),
    format: ImportFileFormatSchema,
    totalRows: z.number().int().positive().max(IMPORT_ROW_LIMIT_MAX),
    // prefault: an omitted `options` is parsed as {}, so each option's own default applies.
    options: ImportOptionsSchema.prefault({}),
  })
  .strict()
  .meta({ id: 'CreateImport' })
export type CreateImportInput = z.input<typeof CreateImportSchema>

export const IMPORT_CHUNK_MAX_ROWS = 1000

/** A chunk of rows under one import; `index` makes a retried chunk a no-op. */
export function importChunkSchema(refused?: readonly string[] | null) {
  return z
    .object({
      index: z.number().int().nonnegative(),
      rows: z.array(importRowSchema(refused)).min(1).max(IMPORT_CHUNK_MAX_ROWS),
    })
    .strict()
}
export const ImportChunkSchema = importChunkSchema(null).meta({ id: 'ImportChunk' })
export type ImportChunkInput = z.input<typeof ImportChunkSchema>

export const ImportRowResultSchema = z
  .object({
    line: z.number().int().positive(),
    email: z.string(),
    /** `valid` only in a dry run. */
    status: z.enum(['created', 'updated', 'skipped', 'failed', 'valid']),
    userId: IdSchema.nullable(),
    error: ItemErrorSchema.nullable(),
  })
  .meta({ id: 'ImportRowResult' })
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>

export const ImportChunkResultSchema = z
  .object({ index: z.number().int().nonnegative(), results: z.array(ImportRowResultSchema) })
  .meta({ id: 'ImportChunkResult' })
export type ImportChunkResult = z.infer<typeof ImportChunkResultSchema>

export const ImportCountsSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
})

export const ImportSchema = z
  .object({
    id: IdSchema,
    status: z.enum(['open', 'completed', 'cancelled']),
    fileName: z.string(),
    format: ImportFileFormatSchema,
    options: ImportOptionsSchema,
    totalRows: z.number().int().positive(),
    processedRows: z.number().int().nonnegative(),
    counts: ImportCountsSchema,
    createdBy: IdSchema.nullable(),
    createdAt: TimestampSchema,
    completedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Import' })
export type Import = z.infer<typeof ImportSchema>

export const ImportReportQuerySchema = z
  .object({
    status: z.enum(['created', 'updated', 'skipped', 'failed', 'valid']).optional(),
    limit: limitSchema(1000, 200),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ImportReportQuery = z.input<typeof ImportReportQuerySchema>

export const ImportReportPageSchema = pageOf(ImportRowResultSchema).meta({ id: 'ImportReportPage' })
