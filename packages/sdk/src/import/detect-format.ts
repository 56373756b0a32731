import type { ImportFormat } from './import-file-types'

/** The format from the file's extension; without a telling one, from its first character. */
export function detectFormat(name: string, body: string): ImportFormat {
  const lower = name.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv'
  const first = body.trimStart()[0]
  return first === '[' || first === '{' ? 'json' : 'csv'
}
