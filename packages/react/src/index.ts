// biome-ignore-all assist/source/organizeImports: grouped by area under the comments below, not sorted into one list

// Provider and context
export { UsherProvider, type UsherProviderProps } from './provider/usher-provider'
export { UsherApiProvider, type UsherApiProviderProps } from './provider/usher-api-provider'
export { tokenFromEndpoint } from './provider/token-endpoint'
export { localeFromAcceptLanguage, matchLocale, USHER_LOCALES } from './provider/locale'

// Own backend: a whole client from the methods a host has, and the resources it answers
export { buildMe, buildOrganization, buildRoleList, buildUser } from './provider/builders'
export {
  createPartialClient,
  isSupported,
  isUsherNotSupportedError,
  type PartialUsherClient,
  type UsherMethodName,
  UsherNotSupportedError,
} from './provider/partial-client'
export type {
  CreateOptions,
  Paginated,
  RequestOptions,
  UpdateOptions,
  UsherClient,
} from '@usher/sdk'
export type {
  Group,
  Invitation,
  Me,
  Organization,
  Page,
  Permission,
  RoleList,
  User,
  UserShares,
} from '@usher/contract'
export { type UsherContextValue, useT, useUsherClient, useUsherContext } from './provider/usher-context'

// Viewer and permissions: the contract's decisions for the signed-in person
export { userActionsFor } from '@usher/contract/rules'
export { Protect, type ProtectProps } from './hooks/protect'
export { useRoleCatalog } from './hooks/use-role-catalog'
export { roleNameOf, useRoleName } from './hooks/use-role-name'
export { type UseViewerResult, useViewer, type Viewer, viewerOf } from './hooks/use-viewer'

// Components: users
export type {
  EditUserDialogProps,
  EditUserHistoryTabProps,
} from './components/edit-user-dialog'
export type { ImportUsersDialogProps } from './components/import-users-dialog'
// Assembled with the history it shows, and each dialog loaded on first open (see compose/).
export { EditUserDialog, GroupSharesDialog, ImportUsersDialog, SharedGroupsDialog } from './compose/dialogs'
export {
  dedupeEntries,
  InviteForm,
  type InviteFormProps,
  type PastedEntry,
  parseAddressList,
  splitDisplayName,
} from './components/invite-form'
export type { SharedGroupsDialogProps } from './components/shared-groups-dialog'
export {
  localColumnStore,
  USER_TABLE_COLUMNS_KEY,
  type UserTableColumnStore,
} from './components/user-table'
export type {
  UserTableColumnPriority,
  UserTableColumnVisibility,
  UserTableExtraColumn,
  UserTableProps,
  UserTableExportButtonProps,
  UserTableSharedGroupsDialogProps,
} from './components/user-table'
// Assembled with the dialog it opens (see compose/).
export { UserTable } from './compose/user-table'

// Components: groups
export type { GroupsManagerProps, GroupsManagerShareDialogProps } from './components/groups-manager'
export type { GroupSharesDialogProps } from './components/group-shares-dialog'
// Assembled with the dialog it opens (see compose/).
export { GroupsManager } from './compose/groups-manager'

// Components: joining, signing in and the team
export { AcceptInvitation, type AcceptInvitationProps } from './components/accept-invitation'
export { PasswordResetForm, type PasswordResetFormProps } from './components/password-reset-form'
export { SignInForm, type SignInFormProps } from './components/sign-in-form'
export { TeamActivation, type TeamActivationProps } from './components/team-activation'

// Components: the admin console
export {
  inboundEmailKeys,
  MailProblemsNotice,
  OrganizationSettings,
  type OrganizationSettingsProps,
  useInboundEmailTokens,
  useMailProblems,
  useOrganizationSettings,
} from './components/organization-settings'
export {
  AccessReview,
  type AccessReviewProps,
  accessReviewKeys,
  useAccessReview,
} from './components/access-review'
export {
  type AuditFilters,
  AuditLog,
  type AuditLogProps,
  auditKeys,
  UserHistory,
  type UserHistoryProps,
  useAuditLog,
} from './components/audit-log'
export {
  ExportUsersButton,
  type ExportUsersButtonProps,
  type ExportUsersSearch,
  saveFile,
  useExportUsers,
} from './components/export-users'
export {
  DirectorySync,
  type DirectorySyncProps,
  directorySyncKeys,
  useDirectoryRequests,
  useDirectorySync,
} from './components/directory-sync'

// Components: display parts
export { RoleBadge, type RoleBadgeProps } from './ui/role-badge'
export { SeatUsage, type SeatUsageProps } from './ui/seat-usage'
export { StatusBadge, type StatusBadgeProps } from './ui/status-badge'

// Hooks: data and mutations over the client
export { useActivateOrganization } from './hooks/use-activate-organization'
export { useBulkUsers } from './hooks/use-bulk-users'
export { useDeleteUser } from './hooks/use-delete-user'
export { useCreateGroup, useDeleteGroup, useUpdateGroup } from './hooks/use-group-mutations'
export { useGroupShares } from './hooks/use-group-shares'
export { useGroups } from './hooks/use-groups'
export { useInvitationLookup } from './hooks/use-invitation-lookup'
export { useInviteUsers } from './hooks/use-invite-users'
export { useMe, usePermission } from './hooks/use-me'
export { usePasswordResetLookup } from './hooks/use-password-reset-lookup'
export {
  configurePasswordEstimator,
  loadPasswordEstimator,
  type PasswordDictionaries,
  type PasswordScore,
  usePasswordStrength,
} from './hooks/use-password-strength'
export { type ReplaceUserSharesVariables, useReplaceUserShares } from './hooks/use-replace-user-shares'
export { useResendInvitation } from './hooks/use-resend-invitation'
export { type RevokeInvitationVariables, useRevokeInvitation } from './hooks/use-revoke-invitation'
export { useRoles } from './hooks/use-roles'
export { type RunImportState, useRunImport } from './hooks/use-run-import'
export { type ShareGroupsOutcome, useShareGroups } from './hooks/use-share-groups'
export { type UpdateUserVariables, useUpdateUser } from './hooks/use-update-user'
export { useUserShares } from './hooks/use-user-shares'
export { useUser, useUsers, useUsersCount } from './hooks/use-users'

// Query keys and options: prefetch and invalidate what the hooks read
export { usherKeys } from './query/keys'
export {
  groupsQueryOptions,
  meQueryOptions,
  rolesQueryOptions,
  userQueryOptions,
  userSharesQueryOptions,
  usersCountQueryOptions,
  usersInfiniteQueryOptions,
} from './query/options'

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
