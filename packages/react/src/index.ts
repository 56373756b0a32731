// Provider and context

// Joining: AcceptInvitation, SignInForm, PasswordResetForm
export { AcceptInvitation, type AcceptInvitationProps } from './components/accept-invitation'
// EditUserDialog
export { EditUserDialog, type EditUserDialogProps } from './components/edit-user-dialog'
// GroupSharesDialog (seed 002's Groups tab)
export { GroupSharesDialog, type GroupSharesDialogProps } from './components/group-shares-dialog'
// GroupsManager (seeds 002 and 003: the groups tree)
export { GroupsManager, type GroupsManagerProps } from './components/groups-manager'
// ImportUsersDialog (issue 7)
export { ImportUsersDialog, type ImportUsersDialogProps } from './components/import-users-dialog'
// InviteForm
export {
  dedupeEntries,
  InviteForm,
  type InviteFormProps,
  type PastedEntry,
  parseAddressList,
  splitDisplayName,
} from './components/invite-form'
export { PasswordResetForm, type PasswordResetFormProps } from './components/password-reset-form'
// Components
export { RoleBadge, type RoleBadgeProps } from './components/role-badge'
export { SeatUsage, type SeatUsageProps } from './components/seat-usage'
// SharedGroupsDialog
export { SharedGroupsDialog, type SharedGroupsDialogProps } from './components/shared-groups-dialog'
export { SignInForm, type SignInFormProps } from './components/sign-in-form'
export { StatusBadge, type StatusBadgeProps } from './components/status-badge'
// TeamActivation (seed 002)
export { TeamActivation, type TeamActivationProps } from './components/team-activation'
// UserTable
export {
  UserTable,
  type UserTableColumnVisibility,
  type UserTableExtraColumn,
  type UserTableProps,
  type UserTableViewer,
  userActionsFor,
} from './components/user-table'
export { Protect, type ProtectProps } from './hooks/protect'
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
export { loadPasswordEstimator, type PasswordScore, usePasswordStrength } from './hooks/use-password-strength'
export { type ReplaceUserSharesVariables, useReplaceUserShares } from './hooks/use-replace-user-shares'
export { useResendInvitation } from './hooks/use-resend-invitation'
export { type RevokeInvitationVariables, useRevokeInvitation } from './hooks/use-revoke-invitation'
export { useRoles } from './hooks/use-roles'
export { type RunImportState, useRunImport } from './hooks/use-run-import'
export { type ShareGroupsOutcome, useShareGroups } from './hooks/use-share-groups'
export { type UpdateUserVariables, useUpdateUser } from './hooks/use-update-user'
export { useUserShares } from './hooks/use-user-shares'
export { useUser, useUsers } from './hooks/use-users'
export { type UseViewerResult, useViewer, type Viewer, viewerOf } from './hooks/use-viewer'
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
