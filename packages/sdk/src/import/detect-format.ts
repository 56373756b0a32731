import type { ImportFormat } from './import-file-types'

/** The format from the file's extension; without a telling one, from its first character. */
export function detectFormat(name: string, body: string): ImportFormat {
  const lower = name.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv'
  const first = body.trimStart()[0]
  return first === '[' || first === '{' ? 'json' : 'csv'
}

/**
 * Whether the file is a workbook: by its extension, or by the zip signature every .xlsx starts
 * with (`PK\x03\x04`), so a workbook renamed `.csv` is still read as one.
 */
export async function isWorkbook(input: Blob, name: string): Promise<boolean> {
  if (/\.(xlsx|xlsm)$/i.test(name)) return true
  const head = new Uint8Array(await sliceBuffer(input.slice(0, 4)))
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

function sliceBuffer(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}
