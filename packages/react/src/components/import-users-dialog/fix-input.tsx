import { useState } from 'react'

/** A box to correct one field of one row of the file in place. */
export function FixInput({
  line,
  label,
  value,
  onCommit,
}: {
  line: number
  label: string
  value: string
  onCommit: (value: string) => void
}) {
  const [draft, setDraft] = useState(value)
  // Committed on blur or Enter: re-checking every row on each keystroke would move the list
  // (a fixed row leaves it) under the cursor.
  return (
    <input
      className="usher-input"
      data-line={line}
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => draft !== value && onCommit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          if (draft !== value) onCommit(draft)
        }
      }}
    />
  )
}
