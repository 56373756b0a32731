import { useInfiniteQuery } from '@tanstack/react-query'
import type { ListUsersQuery, User } from '@usher/contract'
import { Popover } from 'radix-ui'
import { type Ref, useId, useState } from 'react'
import { useUser } from '../hooks/use-users'
import { cn } from '../lib/cn'
import { personName } from '../lib/error-message'
import { useDebouncedValue } from '../lib/use-debounced-value'
import { useUsherClient, useUsherContext } from '../provider/usher-context'
import { usersInfiniteQueryOptions } from '../query/options'

// Enough to find someone by a few letters; the search narrows the rest on the server.
const SHOWN = 20

export interface PersonPickerProps {
  /** The trigger button's id. */
  id: string
  /** The id of the visible label: the trigger is named by it and its current value. */
  labelId: string
  /** The popover's accessible name. */
  contentLabel: string
  /** The chosen person's id, or null for nobody. */
  value: string | null
  onChange: (value: string | null, person: User | null) => void
  onBlur?: () => void
  /** What the trigger shows, and the first option is called, for nobody ("No agent", "Anyone"). */
  noneLabel: string
  /** The server's filters on whom to offer (`role`, `status`): the search adds `q`. */
  query?: Pick<ListUsersQuery, 'role' | 'status'>
  /** A rule the server's filters cannot say (not the person being edited…): false hides the person. */
  accept?: (person: User) => boolean
  /** The chosen person's name when the picker cannot read them (already known, or since deleted). */
  valueLabel?: string
  invalid?: boolean
  describedBy?: string
  disabled?: boolean
  /** The trigger button's ref (a plain prop: React 18 does not pass `ref` to a function component). */
  triggerRef?: Ref<HTMLButtonElement>
  className?: string
}

/**
 * A button that opens a popover to find one person by name or address (searched on the server as
 * typed, so it works at any size) and pick them, or nobody. Radix Popover: focus moves to the
 * search box, Escape closes, and focus goes back to the button.
 * @example <PersonPicker id={id} labelId={labelId} contentLabel="Agent" value={agentId} onChange={setAgentId} noneLabel="No agent" />
 */
export function PersonPicker({
  id,
  labelId,
  contentLabel,
  value,
  onChange,
  onBlur,
  noneLabel,
  query = {},
  accept = () => true,
  valueLabel,
  invalid,
  describedBy,
  disabled,
  triggerRef,
  className,
}: PersonPickerProps) {
  const { t, portalContainer } = useUsherContext()
  const client = useUsherClient()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<User | null>(null)
  const valueId = useId()
  const searchId = useId()
  const q = useDebouncedValue(search.trim(), 250)
  const results = useInfiniteQuery({
    ...usersInfiniteQueryOptions(client, { ...query, ...(q ? { q } : {}), limit: SHOWN }),
    enabled: open,
  })
  // The person chosen before the picker opened: read once, to name them on the button.
  const known = useUser(value && picked?.id !== value && !valueLabel ? value : undefined)
  const chosen = picked?.id === value ? picked : (known.data ?? null)
  const current = value === null ? noneLabel : chosen ? personName(chosen) : (valueLabel ?? '…')
  const people = (results.data?.pages[0]?.items ?? []).filter(accept)

  const choose = (person: User | null) => {
    setPicked(person)
    onChange(person?.id ?? null, person)
    setOpen(false)
  }

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          setSearch('')
          onBlur?.()
        }
      }}
    >
      <Popover.Trigger
        ref={triggerRef}
        id={id}
        type="button"
        disabled={disabled}
        data-slot="person-picker-trigger"
        data-placeholder={value === null ? '' : undefined}
        className={cn('usher-select', 'usher-multi-select-trigger', className)}
        aria-labelledby={`${labelId} ${valueId}`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      >
        <span id={valueId} data-slot="person-picker-value" className="usher-multi-select-value">
          {current}
        </span>
      </Popover.Trigger>
      <Popover.Portal container={portalContainer}>
        <Popover.Content
          data-slot="person-picker-content"
          className="usher-multi-select-content"
          aria-label={contentLabel}
          align="start"
          sideOffset={4}
        >
          <div data-slot="person-picker-search" className="usher-multi-select-filter">
            <label htmlFor={searchId} className="usher-visually-hidden">
              {t('personPicker.search')}
            </label>
            <input
              id={searchId}
              type="search"
              className="usher-input"
              placeholder={t('personPicker.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <ul data-slot="person-picker-options" className="usher-multi-select-options">
            <li data-slot="person-picker-option">
              <button
                type="button"
                className="usher-person-picker-option"
                aria-pressed={value === null}
                onClick={() => choose(null)}
              >
                {noneLabel}
              </button>
            </li>
            {people.map((person) => (
              <li key={person.id} data-slot="person-picker-option">
                <button
                  type="button"
                  className="usher-person-picker-option"
                  aria-pressed={person.id === value}
                  onClick={() => choose(person)}
                >
                  <span>{personName(person)}</span>{' '}
                  <span className="usher-person-picker-email">{person.email}</span>
                </button>
              </li>
            ))}
          </ul>
          <p role="status" data-slot="person-picker-status" className="usher-text-field-hint">
            {results.isPending
              ? t('common.loading')
              : results.isError
                ? t('common.unknownError')
                : people.length === 0
                  ? t('personPicker.noMatch')
                  : ''}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
