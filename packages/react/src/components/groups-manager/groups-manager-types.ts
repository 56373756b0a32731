import type { ReactNode } from 'react'

/** What the manager hands the dialog its "Share" opens (Usher's `GroupSharesDialog` fits). */
export interface GroupsManagerShareDialogProps {
  /** The group to share. */
  groupId: string
  /** The group's "Share" button: the dialog's trigger. */
  trigger: ReactNode
}

/** What an action on a group left to say, shown above the tree. */
export type GroupsNotice = { tone: 'ok' | 'error'; text: string }

/** How a part reports an outcome to the manager. */
/** `focus`: the notice takes focus (what the person acted on is gone, e.g. a deleted group). */
export type OnGroupDone = (tone: GroupsNotice['tone'], text: string, options?: { focus?: boolean }) => void
