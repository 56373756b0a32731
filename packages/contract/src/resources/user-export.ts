import * as z from 'zod'
import { IdSchema, LocaleSchema } from './primitives'
import { ListUsersQuerySchema } from './user'

/**
 * The columns of an export of members, in the order the users table shows them: name, email,
 * role, status, shared groups, last activity. A host adds its own through the server's
 * `exportColumns` option; those are named by their own keys.
 */
export const USER_EXPORT_COLUMNS = ['name', 'email', 'role', 'status', 'groups', 'lastActive'] as const
export type UserExportColumn = (typeof USER_EXPORT_COLUMNS)[number]

/**
 * The most people "Export selected" names in one request: their ids travel in the query string,
 * which servers and proxies cap at 8 to 16 KB. A bigger selection exports as a search.
 */
export const USER_EXPORT_MAX_IDS = 200

/** Spreadsheet programs set to French (and most of Europe) split CSV cells on `;`. */
export const CSV_DELIMITERS = [',', ';'] as const

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => {
    if (value === undefined || value === '') return undefined
    const values = Array.isArray(value) ? value : [value]
    return values.flatMap((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : [v]))
  }, z.array(item).max(max).optional()) as unknown as z.ZodOptional<
    z.ZodType<Array<z.output<T>>, Array<z.input<T>> | z.input<T>>
  >

/**
 * GET /users/export: the list's search, filters and sort (what the table shows), without pages.
 * `id` narrows it to a selection; `columns` to the columns the table shows, in the given order.
 */
export const ExportUsersQuerySchema = ListUsersQuerySchema.omit({ limit: true, cursor: true })
  .extend({
    /** Only these people (the table's selection), still within the caller's scope. */
    id: list(IdSchema, USER_EXPORT_MAX_IDS),
    /** Column keys in order: the built-in ones and the host's. @default every column */
    columns: list(z.string().regex(/^[A-Za-z][\w-]{0,49}$/), 50),
    /** The cell separator. @default ',' */
    delimiter: z.enum(CSV_DELIMITERS).default(','),
    /** The language of the headers and values. @default the caller's own language */
    locale: LocaleSchema.optional(),
  })
  .strict()
export type ExportUsersQuery = z.input<typeof ExportUsersQuerySchema>

/** What an export's response carries: a CSV file (UTF-8 with a byte-order mark). */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8'
