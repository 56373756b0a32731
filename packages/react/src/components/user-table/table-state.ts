import { isUsherApiError } from '@usher/sdk'

/** What the table shows: a skeleton, its rows, an empty or error state, or a refusal. */
export type UserTableState = 'loading' | 'ready' | 'empty' | 'error' | 'forbidden'

export interface TableStateInput {
  me: { isPending: boolean; isError: boolean; known: boolean }
  canRead: boolean
  list: { isPending: boolean; isError: boolean; hasData: boolean; error: unknown }
  rowCount: number
}

/**
 * The one state the table is in. A refusal wins (the viewer lacks `users:read`, or the server
 * said so); an error shows only when there is nothing to show instead (a failed next page keeps
 * the rows); a new search keeps the previous rows rather than a skeleton.
 */
export function tableState({ me, canRead, list, rowCount }: TableStateInput): UserTableState {
  const forbidden = (me.known && !canRead) || (isUsherApiError(list.error) && list.error.code === 'forbidden')
  if (forbidden) return 'forbidden'
  if (me.isError || (list.isError && !list.hasData)) return 'error'
  if (me.isPending || list.isPending) return 'loading'
  return rowCount === 0 ? 'empty' : 'ready'
}
