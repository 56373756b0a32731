import { ImportFileError } from './import-file-error'
import type { ImportFileContent, ImportFileProblem } from './import-file-types'

/** Keys of a JSON export's object that may hold the list of people. */
const LIST_KEYS = ['users', 'utilisateurs', 'people', 'rows', 'data', 'items', 'records']

/**
 * The people of a JSON text (a list, or an object holding one): every key any entry uses becomes
 * a column, in the order first seen, and each entry keeps the line it opens on.
 */
export function readJson(body: string): ImportFileContent {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    throw new ImportFileError('invalid_json', error instanceof Error ? error.message : 'Invalid JSON.')
  }
  let list: unknown[] | undefined
  if (Array.isArray(data)) list = data
  else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>
    const key = LIST_KEYS.find((k) => Array.isArray(record[k]))
    list = key ? (record[key] as unknown[]) : undefined
  }
  if (!list) {
    throw new ImportFileError('not_a_list', 'Expected a list of people: [ {...} ] or { "users": [ {...} ] }.')
  }
  const lines = objectLines(body, list.length)
  const headers: string[] = []
  const seen = new Set<string>()
  const objects: Array<{ line: number; value: Record<string, unknown> }> = []
  const problems: ImportFileProblem[] = []
  list.forEach((item, index) => {
    const line = lines?.[index] ?? index + 1
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, code: 'not_an_object', message: 'Each entry must be an object.' })
      return
    }
    const value = item as Record<string, unknown>
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key)
        headers.push(key)
      }
    }
    objects.push({ line, value })
  })
  const rows = objects.map(({ line, value }) => ({ line, cells: headers.map((h) => value[h]) }))
  return { delimiter: null, headers, rows, problems }
}

/**
 * The line each entry of the list opens on (the `{`s directly inside the first array), so errors
 * in a JSON file point at a line too. Null when the shape is not the simple one.
 */
function objectLines(text: string, count: number): number[] | null {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let listDepth = -1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      if (c === '{' && depth === listDepth) lines.push(line)
      depth++
      if (c === '[' && listDepth === -1) listDepth = depth
    } else if (c === ']' || c === '}') {
      depth--
      if (listDepth !== -1 && depth < listDepth) break
    }
  }
  return lines.length === count ? lines : null
}
