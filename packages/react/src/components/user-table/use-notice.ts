import { useState } from 'react'
import type { Notice } from '../../ui/notice-bar'

/** The table's last word on an action: `succeed(text, undo?)`, `fail(text, details)`, `clear()`. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null)
  return {
    notice,
    succeed: (text: string, action?: Notice['action']) =>
      setNotice({ tone: 'success', text, ...(action ? { action } : {}) }),
    fail: (text: string, details?: string[]) =>
      setNotice({ tone: 'error', text, ...(details ? { details } : {}) }),
    clear: () => setNotice(null),
  }
}

export type NoticeApi = ReturnType<typeof useNotice>
