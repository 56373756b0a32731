import type { CreateImportInput, Import, ImportRowInput, ImportRowResult } from '@usher/contract'
import type { UsherClient } from '../types/usher-client'

export interface ImportProgress {
  importId: string
  totalRows: number
  /** Rows the server has answered for. */
  processedRows: number
  chunk: number
  chunks: number
  counts: Record<ImportRowResult['status'], number>
}

export interface RunImportInput {
  rows: readonly ImportRowInput[]
  fileName: string
  format: CreateImportInput['format']
  options?: CreateImportInput['options']
  /** Rows per request (the contract allows up to 1,000). */
  chunkSize?: number
  /** Aborting cancels the import on the server: rows already sent stay, the rest are not sent. */
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

export interface RunImportResult {
  import: Import
  /** Per row, in file order, for the rows that were sent. */
  results: ImportRowResult[]
  counts: ImportProgress['counts']
  cancelled: boolean
}

const emptyCounts = (): ImportProgress['counts'] => ({
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  valid: 0,
})

/**
 * Sends validated rows as one import: opens it, sends the rows in chunks, completes it. A chunk
 * is replayable (the server answers a repeated index with its first results), so the SDK retries
 * one whose answer was lost, and nobody is created twice. Chunks go one at a time: the server
 * serialises an import's chunks anyway, and progress stays in file order.
 */
export async function runImport(client: UsherClient, input: RunImportInput): Promise<RunImportResult> {
  const { rows, signal, onProgress } = input
  const chunkSize = Math.max(1, Math.min(input.chunkSize ?? 500, 1000))
  signal?.throwIfAborted()
  const job = await client.imports.create(
    { fileName: input.fileName, format: input.format, totalRows: rows.length, options: input.options ?? {} },
    { signal },
  )
  const results: ImportRowResult[] = []
  const counts = emptyCounts()
  const chunks = Math.ceil(rows.length / chunkSize)
  const cancel = async (): Promise<RunImportResult> => {
    // Not under the aborted signal: the cancellation itself must reach the server.
    const cancelled = await client.imports.cancel(job.id)
    return { import: cancelled, results, counts, cancelled: true }
  }
  for (let index = 0; index < chunks; index++) {
    if (signal?.aborted) return cancel()
    const chunkRows = rows.slice(index * chunkSize, (index + 1) * chunkSize)
    let answer: Awaited<ReturnType<UsherClient['imports']['addChunk']>>
    try {
      answer = await client.imports.addChunk(job.id, { index, rows: chunkRows }, { signal })
    } catch (error) {
      if (signal?.aborted) return cancel()
      throw error
    }
    for (const result of answer.results) {
      results.push(result)
      counts[result.status]++
    }
    onProgress?.({
      importId: job.id,
      totalRows: rows.length,
      processedRows: results.length,
      chunk: index + 1,
      chunks,
      counts: { ...counts },
    })
  }
  if (signal?.aborted) return cancel()
  const done = await client.imports.complete(job.id)
  return { import: done, results, counts, cancelled: false }
}
