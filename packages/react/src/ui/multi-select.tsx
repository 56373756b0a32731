import { Popover } from 'radix-ui'
import { type CSSProperties, type Ref, useId, useState } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

export interface MultiSelectOption {
  value: string
  label: string
  /** Nesting level, for trees of groups. */
  depth?: number
}

export interface MultiSelectProps {
  /** The trigger button's id. */
  id: string
  /** The id of the visible label: the trigger is named by it and its current value. */
  labelId: string
  /** The popover's accessible name ("Groups, row 2"). */
  contentLabel: string
  options: readonly MultiSelectOption[]
  value: readonly string[]
  onChange: (value: string[]) => void
  onBlur?: () => void
  /** What the trigger shows with nothing chosen. */
  placeholder: string
  /** What the trigger shows for a choice: `Clients Paris and 1 more`. */
  summarize: (labels: string[]) => string
  /** Label of the filter box, shown when there are more than a few options. */
  filterLabel: string
  /** Shown when there is nothing to choose from (or nothing matches the filter). */
  emptyText: string
  noMatchText: string
  state?: 'loading' | 'error' | 'ready'
  invalid?: boolean
  describedBy?: string
  disabled?: boolean
  /**
   * The trigger button, for a form library to focus on error. Not `ref`: React 18 does not pass
   * `ref` to a function component as a prop.
   */
  triggerRef?: Ref<HTMLButtonElement>
  className?: string
}

// Below this many options a filter box is more noise than help.
const FILTER_FROM = 8

/**
 * A button that opens a popover of checkboxes (Radix Popover: focus moves in, Escape closes and
 * returns focus). Native checkboxes keep the semantics screen readers know; nested groups are
 * indented.
 */
export function MultiSelect({
  id,
  labelId,
  contentLabel,
  options,
  value,
  onChange,
  onBlur,
  placeholder,
  summarize,
  filterLabel,
  emptyText,
  noMatchText,
  state = 'ready',
  invalid,
  describedBy,
  disabled,
  triggerRef,
  className,
}: MultiSelectProps) {
  const { t, portalContainer } = useUsherContext()
  const [open, setOpen] = useState(false)
  const [filter, setFilter] = useState('')
  const valueId = useId()
  const filterId = useId()
  const chosen = new Set(value)
  const labels = options.filter((option) => chosen.has(option.value)).map((option) => option.label)
  const needle = filter.trim().toLocaleLowerCase()
  const shown = needle
    ? options.filter((option) => option.label.toLocaleLowerCase().includes(needle))
    : options

  const toggle = (optionValue: string, checked: boolean) => {
    const next = new Set(value)
    if (checked) next.add(optionValue)
    else next.delete(optionValue)
    // Keep the options' order, so the value does not depend on the order of the clicks.
    onChange(options.filter((option) => next.has(option.value)).map((option) => option.value))
  }

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          setFilter('')
          onBlur?.()
        }
      }}
    >
      <Popover.Trigger
        ref={triggerRef}
        id={id}
        type="button"
        disabled={disabled}
        data-slot="multi-select-trigger"
        data-placeholder={labels.length === 0 ? '' : undefined}
        className={cn('usher-select', 'usher-multi-select-trigger', className)}
        aria-labelledby={`${labelId} ${valueId}`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      >
        <span id={valueId} data-slot="multi-select-value" className="usher-multi-select-value">
          {labels.length === 0 ? placeholder : summarize(labels)}
        </span>
      </Popover.Trigger>
      <Popover.Portal container={portalContainer}>
        <Popover.Content
          data-slot="multi-select-content"
          className="usher-multi-select-content"
          aria-label={contentLabel}
          align="start"
          sideOffset={4}
        >
          {state === 'loading' ? (
            <p role="status" data-slot="multi-select-status">
              {t('common.loading')}
            </p>
          ) : state === 'error' ? (
            <p role="alert" data-slot="multi-select-status">
              {t('common.unknownError')}
            </p>
          ) : options.length === 0 ? (
            <p data-slot="multi-select-status">{emptyText}</p>
          ) : (
            <>
              {options.length > FILTER_FROM ? (
                <div data-slot="multi-select-filter" className="usher-multi-select-filter">
                  <label htmlFor={filterId} className="usher-visually-hidden">
                    {filterLabel}
                  </label>
                  <input
                    id={filterId}
                    type="search"
                    className="usher-input"
                    placeholder={filterLabel}
                    value={filter}
                    onChange={(event) => setFilter(event.target.value)}
                  />
                </div>
              ) : null}
              {shown.length === 0 ? (
                <p role="status" data-slot="multi-select-status">
                  {noMatchText}
                </p>
              ) : (
                <ul data-slot="multi-select-options" className="usher-multi-select-options">
                  {shown.map((option) => (
                    <li
                      key={option.value}
                      data-slot="multi-select-option"
                      style={{ '--usher-depth': needle ? 0 : (option.depth ?? 0) } as CSSProperties}
                    >
                      <label className="usher-multi-select-option">
                        <input
                          type="checkbox"
                          checked={chosen.has(option.value)}
                          onChange={(event) => toggle(option.value, event.target.checked)}
                        />
                        <span>{option.label}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <div data-slot="multi-select-footer" className="usher-multi-select-footer">
            <Popover.Close type="button" className="usher-button" data-slot="multi-select-done">
              {t('inviteForm.done')}
            </Popover.Close>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
