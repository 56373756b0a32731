// Provider and context

// Components
export { RoleBadge, type RoleBadgeProps } from './components/role-badge'
export { SeatUsage, type SeatUsageProps } from './components/seat-usage'
export { StatusBadge, type StatusBadgeProps } from './components/status-badge'
export { useGroups } from './hooks/use-groups'
export { useMe, usePermission } from './hooks/use-me'
export { useRoles } from './hooks/use-roles'
export { useUser, useUsers } from './hooks/use-users'
// Messages
export { en } from './i18n/en'
export { fr } from './i18n/fr'
export { createTranslator, type Translate } from './i18n/translate'
export type {
  Locale,
  MessageKey,
  MessageOverrides,
  MessageParams,
  Messages,
  PluralMessage,
} from './i18n/types'
export { type UsherContextValue, useT, useUsherClient, useUsherContext } from './provider/usher-context'
export { UsherProvider, type UsherProviderProps } from './provider/usher-provider'
// Data layer: query keys, query options, hooks
export { usherKeys } from './query/keys'
export {
  groupsQueryOptions,
  meQueryOptions,
  rolesQueryOptions,
  userQueryOptions,
  userSharesQueryOptions,
  usersInfiniteQueryOptions,
} from './query/options'
