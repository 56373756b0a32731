import type { ParsedImportFile } from './import-file-types'

/** A file's text, and the encoding it was read in. */
export interface DecodedFile {
  text: string
  encoding: ParsedImportFile['encoding']
}

/** Reads a file as UTF-8, or as Windows-1252 when its bytes are not UTF-8. */
export async function decodeFile(blob: Blob): Promise<DecodedFile> {
  const bytes = typeof blob.arrayBuffer === 'function' ? await blob.arrayBuffer() : await readAsBuffer(blob)
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD, so an export
    // saved as "CSV (séparateur: point-virgule)" by an older Excel (Windows-1252) still reads.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(new Uint8Array(bytes)), encoding: 'windows-1252' }
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder reads that label as Latin-1, which turns Excel's
 * typographic apostrophe (0x92) and euro sign into control characters. Latin-1 everywhere else.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178'
function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as string) : String.fromCharCode(b),
    )
    out += part.join('')
  }
  return out
}

/** Where a Blob has no `arrayBuffer()` (older browsers, some test DOMs), FileReader reads it. */
function readAsBuffer(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}
