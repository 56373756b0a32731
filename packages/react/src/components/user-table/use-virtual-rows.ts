import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import type { User } from '@usher/contract'
import { type RefObject, useCallback, useEffect } from 'react'

/** Rows fetched ahead of the last one shown, so scrolling rarely waits. */
const PREFETCH_ROWS = 20
/** The viewport the virtualizer assumes where nothing has a size (jsdom, a hidden tab). */
const FALLBACK_RECT = { width: 1024, height: 640 }

/**
 * The scroll element's size, or a fallback when it measures zero: without layout the virtualizer
 * would otherwise render only the overscan, and a test could not see a window of rows.
 */
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT))

export interface VirtualRowsOptions {
  rows: readonly User[]
  scrollRef: RefObject<HTMLDivElement | null>
  rowHeight: number
  /** The list's paging state: the next page is fetched as the last rows come into view. */
  paging: {
    hasNextPage: boolean
    isFetchingNextPage: boolean
    isPlaceholderData: boolean
    isFetchNextPageError: boolean
    fetchNextPage: () => unknown
  }
}

/** The window of rows to render (each at least `rowHeight`, measured once drawn), and the next page fetched ahead of the scroll. */
export function useVirtualRows({ rows, scrollRef, rowHeight, paging }: VirtualRowsOptions) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: useCallback((index: number) => rows[index]?.id ?? index, [rows]),
    overscan: 8,
    // Rows are measured once drawn (a wrapped status, a card is taller); where nothing has a
    // size (jsdom), the estimate stands.
    measureElement: (element) => {
      const height = element.getBoundingClientRect().height
      return height > 0 ? height : rowHeight
    },
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRect,
    // React 19 warns about flushSync during render-phase updates; a frame's delay is invisible.
    useFlushSync: false,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const lastShown = virtualRows[virtualRows.length - 1]?.index ?? -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPlaceholderData, isFetchNextPageError } = paging
  useEffect(() => {
    if (lastShown < 0 || !hasNextPage || isFetchingNextPage || isPlaceholderData || isFetchNextPageError)
      return
    if (lastShown >= rows.length - PREFETCH_ROWS) void fetchNextPage()
  }, [
    lastShown,
    rows.length,
    hasNextPage,
    isFetchingNextPage,
    isPlaceholderData,
    isFetchNextPageError,
    fetchNextPage,
  ])
  return { virtualRows, totalSize: virtualizer.getTotalSize(), measureElement: virtualizer.measureElement }
}
