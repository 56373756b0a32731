import type { Messages } from '../types'
import { permissions, roles, seatUsage, status } from './badges'
import { common } from './common'
import { errors } from './errors'
import { inviteForm } from './invite-form'
import { sharedGroups } from './shared-groups'
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
}
