import { useQueryClient } from '@tanstack/react-query'
import { type ImportProgress, type RunImportInput, type RunImportResult, runImport } from '@usher/sdk'
import { useCallback, useRef, useState } from 'react'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

export type RunImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress | null; cancelling: boolean }
  | { status: 'done'; result: RunImportResult }
  | { status: 'error'; error: unknown }

/**
 * Runs an import (`runImport` of @usher/sdk: open, chunks, complete) with its progress, and
 * cancels it on request. Afterwards, unless it was a dry run, it refreshes what an import changes:
 * the user lists, `me` (seats), the groups (member counts) and the invitations.
 * @example
 * const importer = useRunImport()
 * await importer.start({ rows, fileName: file.name, format: 'csv' })
 */
export function useRunImport() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  const [state, setState] = useState<RunImportState>({ status: 'idle' })
  const controller = useRef<AbortController | null>(null)

  const start = useCallback(
    async (input: Omit<RunImportInput, 'signal' | 'onProgress'>) => {
      const abort = new AbortController()
      controller.current = abort
      setState({ status: 'running', progress: null, cancelling: false })
      try {
        const result = await runImport(client, {
          ...input,
          signal: abort.signal,
          onProgress: (progress) => setState((s) => (s.status === 'running' ? { ...s, progress } : s)),
        })
        setState({ status: 'done', result })
        return result
      } catch (error) {
        setState({ status: 'error', error })
        return null
      } finally {
        controller.current = null
        if (!input.options?.dryRun) {
          void Promise.all([
            queryClient.invalidateQueries({ queryKey: usherKeys.users.all }),
            queryClient.invalidateQueries({ queryKey: usherKeys.me() }),
            queryClient.invalidateQueries({ queryKey: usherKeys.groups.all }),
            queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all }),
          ])
        }
      }
    },
    [client, queryClient],
  )

  const cancel = useCallback(() => {
    controller.current?.abort()
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s))
  }, [])

  const reset = useCallback(() => setState({ status: 'idle' }), [])

  return { state, start, cancel, reset }
}
