import type { UpdateUserSchema } from '@usher/contract'
import type * as z from 'zod'
import type { UserRow } from '../db/schema'

/**
 * A person's profile fields, wire name → column: what an import may fill in on an existing person
 * and a PATCH may change. The row → `User` mapping is `toUser` (users.ts); a new row is `personRow`
 * (people.ts). No other list of the user columns.
 */
export const PROFILE_COLUMNS = {
  salutation: 'salutation',
  firstName: 'first_name',
  lastName: 'last_name',
  nickname: 'nickname',
  phone: 'phone',
  mobile: 'mobile',
  jobTitle: 'job_title',
  department: 'department',
  description: 'description',
  externalId: 'external_id',
} as const satisfies Partial<Record<keyof z.output<typeof UpdateUserSchema>, keyof UserRow>>

/** The account's plain fields a PATCH sets beside the profile (role, status and groups have rules). */
export const ACCOUNT_COLUMNS = {
  locale: 'locale',
  primaryContact: 'primary_contact',
  assignedAgentId: 'assigned_agent_id',
} as const satisfies Partial<Record<keyof z.output<typeof UpdateUserSchema>, keyof UserRow>>

export type ProfileField = keyof typeof PROFILE_COLUMNS
