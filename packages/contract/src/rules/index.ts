/**
 * The domain rules alone, with no zod: `@usher/contract/rules`. The main entry re-exports them too,
 * but bundlers do not always drop the schemas beside them (esbuild keeps zod when the contract
 * is a dependency), so light UI code (RoleBadge, StatusBadge) imports rules from here.
 */

export { ACCESS_REVIEW_REMINDER_DAYS } from './access-review'
export { AGENT_STATUSES, agentRoles, isAgentRole, mayBeAssignedAgent } from './agents'
export {
  DEFAULT_REFUSED_MAILBOXES,
  duplicateEmailIndexes,
  EMAIL_MAX_LENGTH,
  emailLocalPart,
  emailsEqual,
  isRefusedMailbox,
  isValidEmail,
  normalizeEmail,
  SHARED_MAILBOX_MESSAGE,
} from './email'
export {
  DEFAULT_EXISTING_ACCOUNT_MODE,
  EXISTING_ACCOUNT_MODES,
  type ExistingAccountMode,
  joinsAtOnce,
} from './existing-accounts'
export { frenchDe, frenchElides, frenchQue } from './french'
export { buildGroupTree, coveredGroupIds, descendantIds, flattenGroupTree, type GroupNode } from './groups'
export {
  BOUNCE_MAILBOXES,
  groupForAddress,
  type HeaderLookup,
  INBOUND_REFUSAL_REASONS,
  type InboundRefusalReason,
  inboundEmailRoles,
  isInboundEmailRole,
  nameFromSender,
  normalizeEmailDomain,
  ROBOT_MAILBOXES,
  type RobotReason,
  robotReason,
} from './inbound-email'
export {
  DEFAULT_INVITATION_REMINDER_DAYS,
  EXPIRING_SOON_DAYS,
  expiresWithin,
  invitationReminderDueAt,
} from './invitation-reminders'
export { isValidPhone, NAME_MAX_LENGTH, nameProblem, normalizeName, normalizePhone } from './names'
export {
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_ESTIMATE_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  type PasswordContext,
  type PasswordEstimator,
  type PasswordPolicy,
  type PasswordRule,
  passwordEstimatorInputs,
  passwordProblems,
  passwordRulesBroken,
  passwordStrength,
} from './password'
export {
  BUILT_IN_ROLES,
  type BuiltInRole,
  canAssignRole,
  canManageAccountOf,
  hasPermission,
  isBuiltInRole,
  isEnabledOwner,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_DEFINITIONS,
  type RoleDefinition,
  roleRank,
} from './permissions'
export {
  GOVERNING_PERMISSIONS,
  governsMemberGroups,
  invitationSeesNothing,
  type ReachRoles,
  reachRoles,
  seesNothing,
} from './reach'
export {
  BUILT_IN_ROLE_CATALOG,
  CUSTOM_ROLE_MAX_RANK,
  type CustomRoleDefinition,
  createRoleCatalog,
  customRoleProblems,
  LOCALES,
  type LocaleKey,
  ROLE_KEY_PATTERN,
  type RoleCatalog,
  type RoleEntry,
  roleCatalogFromList,
  roleEntries,
} from './roles'
export {
  allowedActions,
  holdsSeat,
  invitationStatusAt,
  isActionAllowed,
  USER_ACTIONS,
  USER_STATUSES,
  type UserAction,
  type UserStatus,
} from './status'
export {
  isTeamActivated,
  requiresActivatedTeam,
  TEAM_ACTIVATION_PERMISSIONS,
} from './team-activation'
export { canonicalTimeZone, DEFAULT_TIME_ZONE, isValidTimeZone } from './time-zone'
export {
  type ActionTarget,
  type ActionViewer,
  BULK_USER_ACTION_PERMISSIONS,
  BULK_USER_ACTIONS,
  BULK_USERS_PERMISSION,
  type BulkUserAction,
  canTakeBulkAction,
  SELF_LOCKED_ACTIONS,
  SELF_LOCKED_FIELDS,
  type SelfLockedField,
  selfLockedChanges,
  USER_ACTION_ENDPOINTS,
  USER_ACTION_PERMISSIONS,
  userActionsFor,
} from './user-actions'
export {
  emailDomain,
  foldForSearch,
  type UserSearchTerms,
  userMatchesSearch,
  userSearchTerms,
} from './user-search'
