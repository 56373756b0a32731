import type { Messages } from '../types'
import { acceptInvitation } from './accept-invitation'
import { accessReview } from './access-review'
import { auditLog } from './audit-log'
import { permissions, roles, seatUsage, status } from './badges'
import { common } from './common'
import { directorySync } from './directory-sync'
import { editUser } from './edit-user'
import { errors } from './errors'
import { exportUsers } from './export-users'
import { groupShares } from './group-shares'
import { groupsManager } from './groups-manager'
import { importUsers } from './import-users'
import { inviteForm } from './invite-form'
import { organizationSettings } from './organization-settings'
import { passwordField } from './password-field'
import { passwordReset } from './password-reset'
import { personPicker } from './person-picker'
import { sharedGroups } from './shared-groups'
import { signInForm } from './sign-in-form'
import { teamActivation } from './team-activation'
import { userTable } from './user-table'

export const fr: Messages = {
  common,
  errors,
  roles,
  permissions,
  status,
  seatUsage,
  userTable,
  inviteForm,
  sharedGroups,
  passwordField,
  personPicker,
  acceptInvitation,
  signInForm,
  passwordReset,
  importUsers,
  editUser,
  teamActivation,
  groupShares,
  groupsManager,
  exportUsers,
  auditLog,
  accessReview,
  organizationSettings,
  directorySync,
}
