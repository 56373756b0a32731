import * as z from 'zod'
import { ItemErrorSchema } from '../errors/problem'
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
