import { DropdownMenu } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

export interface MenuButtonProps extends Omit<ComponentProps<'button'>, 'children' | 'type'> {
  label: ReactNode
  /** The menu's `data-slot`. */
  menuSlot: string
  align?: 'start' | 'end'
  /** The menu's items. */
  children: ReactNode
}

/**
 * The table's menu buttons (filters, columns, bulk role): a button with a caret that opens a
 * radix menu, rendered in the provider's portal so it keeps the theme and the host's scoping.
 */
export function MenuButton({
  label,
  menuSlot,
  align = 'start',
  className,
  children,
  ...button
}: MenuButtonProps) {
  const { portalContainer } = useUsherContext()
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button type="button" className={cn('usher-button', className)} {...button}>
          {label}
          <span aria-hidden="true" className="usher-user-table-caret">
            ▾
          </span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={portalContainer}>
        <DropdownMenu.Content
          data-slot={menuSlot}
          className="usher-user-table-menu"
          align={align}
          sideOffset={4}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/** A ticked-or-not item that leaves the menu open: several are usually set in a row. */
export function CheckMenuItem({
  checked,
  onCheckedChange,
  children,
}: {
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  children: ReactNode
}) {
  return (
    <DropdownMenu.CheckboxItem
      className="usher-user-table-menu-item"
      checked={checked}
      onSelect={(event) => event.preventDefault()}
      onCheckedChange={(value) => onCheckedChange(value === true)}
    >
      <DropdownMenu.ItemIndicator aria-hidden="true" className="usher-user-table-menu-indicator">
        ✓
      </DropdownMenu.ItemIndicator>
      {children}
    </DropdownMenu.CheckboxItem>
  )
}
