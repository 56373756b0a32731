import { SELF_LOCKED_FIELDS, type UpdateUserInput, type User } from '@usher/contract'

/** The fields of the contract's `UpdateUser` the dialog edits: every one. */
export type EditUserField = keyof UpdateUserInput

/**
 * What the form holds: the contract's update input without its empty alternatives, so strings
 * for inputs ('' for nothing) and the lists and flags in their own types; the assigned agent is
 * an id or null (nobody), as the contract takes it.
 */
export type EditUserFormValues = {
  [K in Exclude<EditUserField, 'assignedAgentId'>]-?: NonNullable<UpdateUserInput[K]>
} & { assignedAgentId: string | null }

/** The fields edited in a plain text box. */
export const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'nickname',
  'phone',
  'mobile',
  'jobTitle',
  'department',
  'externalId',
] as const satisfies readonly EditUserField[]
export type TextField = (typeof TEXT_FIELDS)[number]

/** The fields that show their own error message; a server error on another goes to the alert. */
export const SHOWN_ERRORS = [
  ...TEXT_FIELDS,
  'salutation',
  'locale',
  'description',
  'role',
  'groupIds',
  'contactFor',
  'assignedAgentId',
] as const satisfies readonly EditUserField[]

/** The checkboxes, by their catalog key, for a server error said in the alert. */
export const CHECKBOX_LABELS = {
  primaryContact: 'primaryContact',
  enabled: 'enabled',
  mustChangePassword: 'mustChangePassword',
} as const satisfies Partial<Record<EditUserField, string>>

/** Whether `field` is one nobody changes on their own account (the contract's `SELF_LOCKED_FIELDS`). */
export const isSelfLocked = (field: EditUserField) =>
  (SELF_LOCKED_FIELDS as readonly string[]).includes(field)

/** The groups shown and sent: for a group-scoped viewer only those in their scope (the server keeps the others). */
export const inScope = (groupIds: readonly string[], scope: ReadonlySet<string> | null) =>
  scope ? groupIds.filter((id) => scope.has(id)) : [...groupIds]

/** The form's values for `user`, as read. */
export const valuesOf = (user: User, scope: ReadonlySet<string> | null): EditUserFormValues => ({
  salutation: user.salutation ?? '',
  firstName: user.firstName,
  lastName: user.lastName,
  nickname: user.nickname ?? '',
  phone: user.phone ?? '',
  mobile: user.mobile ?? '',
  jobTitle: user.jobTitle ?? '',
  department: user.department ?? '',
  description: user.description ?? '',
  externalId: user.externalId ?? '',
  locale: user.locale,
  role: user.role,
  groupIds: inScope(user.groupIds, scope),
  contactFor: user.contactFor,
  primaryContact: user.primaryContact,
  assignedAgentId: user.assignedAgentId,
  enabled: user.status !== 'disabled',
  mustChangePassword: user.mustChangePassword,
})

/**
 * The values to validate: all of them (every field is checked as typed), but on one's own account
 * none of the self-locked fields, which the server would refuse.
 */
export function requestOf(values: EditUserFormValues, self: boolean): Partial<EditUserFormValues> {
  if (!self) return values
  return Object.fromEntries(
    Object.entries(values).filter(([field]) => !isSelfLocked(field as EditUserField)),
  ) as Partial<EditUserFormValues>
}
