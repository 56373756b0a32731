/**
 * The domain rules alone, with no zod: `@usher/contract/rules`. The main entry re-exports them too,
 * but bundlers do not always drop the schemas beside them (esbuild keeps zod when the contract
 * is a dependency), so light UI code (RoleBadge, StatusBadge) imports rules from here.
 */

export {
  DEFAULT_REFUSED_MAILBOXES,
  duplicateEmailIndexes,
  emailLocalPart,
  emailsEqual,
  isRefusedMailbox,
  normalizeEmail,
} from './email'
export { buildGroupTree, descendantIds, type GroupNode } from './groups'
export { isValidPhone, NAME_MAX_LENGTH, nameProblem, normalizeName, normalizePhone } from './names'
export {
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_MAX_LENGTH,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRule,
  passwordRulesBroken,
} from './password'
export {
  BUILT_IN_ROLES,
  type BuiltInRole,
  canAssignRole,
  canManageAccountOf,
  hasPermission,
  isBuiltInRole,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_DEFINITIONS,
  type RoleDefinition,
  roleRank,
} from './permissions'
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
