/** A cell of the file as text: lists (a JSON array) joined, nothing as ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}

/** A `data:` URL of a text file, for a download link (samples, rows to fix). */
export function dataUrl(text: string, format: 'csv' | 'json') {
  const type = format === 'json' ? 'application/json' : 'text/csv'
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`
}
