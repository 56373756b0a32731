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
 * One row of an import file, after column mapping. `line` is the file's line number, so every
 * error points at the line the administrator sees in their spreadsheet.
 */
/** One row; see `rowEmailSchema` (invitation.ts) for `refused`. */
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
      contactFor: z.array(TopicKeySchema).max(50).optional(),
      locale: blankAsAbsent(LocaleSchema),
      /**
       * An initial password creates the account active, checked against the policy, with
       * "change password at next sign-in" set; without one the person is invited.
       */
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
      enabled: z.boolean().optional(),
    })
    .strict()
}
/** The wire shape (the server applies the organization's shared-mailbox list). */
export const ImportRowSchema = importRowSchema(null).meta({ id: 'ImportRow' })
export type ImportRowInput = z.input<typeof ImportRowSchema>

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
    format: z.enum(['csv', 'json']),
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
    format: z.enum(['csv', 'json']),
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
