import { EXPIRING_SOON_DAYS, type Group, type UserStatus } from '@usher/contract'
import { type ComponentProps, type ReactNode, useId, useMemo } from 'react'
import { cn } from '../../lib/cn'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import { CheckMenuItem, MenuButton } from '../../ui/menu-button'
import { SeatUsage } from '../../ui/seat-usage'
import type { UserTableColumn, UserTableColumnVisibility } from './columns'

/**
 * The list's filters, sent to the server as `role`, `status`, `groupId` and, for "expires within
 * 7 days" (offered among the statuses), `expiresWithinDays`.
 */
export interface UserTableFilters {
  role: string[]
  status: UserStatus[]
  groupId: string | null
  /** Only the invitations that lapse within `EXPIRING_SOON_DAYS`. */
  expiringSoon?: boolean
  /** Only the people created from incoming email (`source: email`). */
  fromEmail?: boolean
}

export const NO_FILTERS: UserTableFilters = { role: [], status: [], groupId: null, expiringSoon: false }

export const hasFilters = (filters: UserTableFilters) =>
  filters.role.length > 0 ||
  filters.status.length > 0 ||
  filters.groupId !== null ||
  Boolean(filters.expiringSoon) ||
  filters.fromEmail === true

/** The status menu's extra choice: not a status of its own, the invited who lapse soon. */
const EXPIRING_SOON = 'expiringSoon'

interface Option {
  value: string
  label: string
}

interface FilterMenuProps {
  label: string
  options: readonly Option[]
  selected: readonly string[]
  onChange: (selected: string[]) => void
  slot: string
}

/** A multi-choice filter: a menu button whose checkbox items stay open while you tick them. */
function FilterMenu({ label, options, selected, onChange, slot }: FilterMenuProps) {
  const { t } = useUsherContext()
  return (
    <MenuButton
      data-slot={slot}
      data-active={selected.length > 0 || undefined}
      className="usher-user-table-filter"
      menuSlot={`${slot}-menu`}
      label={
        selected.length > 0 ? t('userTable.filters.withCount', { label, count: selected.length }) : label
      }
    >
      {options.map((option) => (
        <CheckMenuItem
          key={option.value}
          checked={selected.includes(option.value)}
          onCheckedChange={(checked) =>
            onChange(
              checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
            )
          }
        >
          {option.label}
        </CheckMenuItem>
      ))}
    </MenuButton>
  )
}

export interface UserTableToolbarProps extends Omit<ComponentProps<'div'>, 'children'> {
  search: string
  onSearchChange: (search: string) => void
  filters: UserTableFilters
  onFiltersChange: (filters: UserTableFilters) => void
  /** Role keys to filter on, in picker order. */
  roles: readonly string[]
  roleName: (role: string) => string
  groups: readonly Group[]
  /** Every column; the hideable ones are listed in the columns menu. */
  columns: readonly UserTableColumn[]
  columnVisibility: UserTableColumnVisibility
  onColumnVisibilityChange: (visibility: UserTableColumnVisibility) => void
  /** @default true */
  showSeatUsage?: boolean
  /** Controls at the toolbar's end, before the columns menu (the export button). */
  actions?: ReactNode
}

const STATUSES: readonly UserStatus[] = ['active', 'invited', 'expired', 'disabled']

/** Search as you type, role / status / group filters, the columns menu and the seat counter. */
export function UserTableToolbar({
  search,
  onSearchChange,
  filters,
  onFiltersChange,
  roles,
  roleName,
  groups,
  columns,
  columnVisibility,
  onColumnVisibilityChange,
  showSeatUsage = true,
  actions,
  className,
  ...props
}: UserTableToolbarProps) {
  const { t, locale } = useUsherContext()
  const searchId = useId()
  const groupId = useId()
  const groupChoices = useMemo(() => indentedGroupOptions(groups, { locale }), [groups, locale])
  const filtered = hasFilters(filters) || search.trim() !== ''
  const hideable = columns.filter((column) => column.hideable)

  return (
    <div
      data-slot="user-table-toolbar"
      data-filtered={filtered || undefined}
      className={cn('usher-user-table-toolbar', className)}
      {...props}
    >
      <div data-slot="user-table-search" className="usher-user-table-search">
        <label htmlFor={searchId} className="usher-visually-hidden">
          {t('userTable.search.label')}
        </label>
        <input
          id={searchId}
          type="search"
          className="usher-input"
          value={search}
          placeholder={t('userTable.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      <fieldset data-slot="user-table-filters" className="usher-user-table-filters">
        <legend className="usher-visually-hidden">{t('userTable.filters.label')}</legend>
        <FilterMenu
          slot="user-table-role-filter"
          label={t('userTable.filters.role')}
          options={roles.map((role) => ({ value: role, label: roleName(role) }))}
          selected={filters.role}
          onChange={(role) => onFiltersChange({ ...filters, role })}
        />
        <FilterMenu
          slot="user-table-status-filter"
          label={t('userTable.filters.status')}
          options={[
            ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
            {
              value: EXPIRING_SOON,
              label: t('userTable.filters.expiringSoon', { count: EXPIRING_SOON_DAYS }),
            },
          ]}
          selected={filters.expiringSoon ? [...filters.status, EXPIRING_SOON] : filters.status}
          onChange={(selected) =>
            onFiltersChange({
              ...filters,
              status: selected.filter((value) => value !== EXPIRING_SOON) as UserStatus[],
              expiringSoon: selected.includes(EXPIRING_SOON),
            })
          }
        />
        <label htmlFor={groupId} className="usher-visually-hidden">
          {t('userTable.filters.group')}
        </label>
        <select
          id={groupId}
          data-slot="user-table-group-filter"
          className="usher-select"
          value={filters.groupId ?? ''}
          onChange={(event) => onFiltersChange({ ...filters, groupId: event.target.value || null })}
        >
          <option value="">{t('userTable.filters.allGroups')}</option>
          {groupChoices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-slot="user-table-email-filter"
          className="usher-button usher-user-table-filter"
          aria-pressed={filters.fromEmail === true}
          data-active={filters.fromEmail || undefined}
          onClick={() => onFiltersChange({ ...filters, fromEmail: !filters.fromEmail })}
        >
          {t('userTable.filters.fromEmail')}
        </button>
        {filtered ? (
          <button
            type="button"
            data-slot="user-table-clear-filters"
            className="usher-button"
            onClick={() => {
              onSearchChange('')
              onFiltersChange(NO_FILTERS)
            }}
          >
            {t('userTable.filters.clear')}
          </button>
        ) : null}
      </fieldset>
      <div data-slot="user-table-toolbar-end" className="usher-user-table-toolbar-end">
        {actions}
        {hideable.length > 0 ? (
          <MenuButton
            data-slot="user-table-columns-trigger"
            menuSlot="user-table-columns-menu"
            align="end"
            label={t('userTable.columnsMenu')}
          >
            {hideable.map((column) => (
              <CheckMenuItem
                key={column.id}
                checked={columnVisibility[column.id] !== false}
                onCheckedChange={(checked) =>
                  onColumnVisibilityChange({ ...columnVisibility, [column.id]: checked })
                }
              >
                {column.label}
              </CheckMenuItem>
            ))}
          </MenuButton>
        ) : null}
        {showSeatUsage ? <SeatUsage className="usher-user-table-seats" /> : null}
      </div>
    </div>
  )
}
