import type { AuditEvent } from '@usher/contract'
import type { ReactNode } from 'react'
import type { Translate } from '../../i18n/translate'
import type { Locale, MessageKey, Messages } from '../../i18n/types'
import { formatDateTime } from '../../lib/format'

const FIELD_KEYS = new Set([
  'name',
  'role',
  'status',
  'enabled',
  'mustChangePassword',
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'phone',
  'mobile',
  'email',
  'groupIds',
  'contactFor',
  'invitationLifetimeDays',
  'refusedMailboxes',
  'passwordPolicy',
  'topics',
  'timeZone',
  'existingAccounts',
  'expiresAt',
  'permission',
  'shares',
  'created',
  'failed',
  'activatedAt',
  'contactTopics',
  'minLength',
  'minStrength',
  'forceChangeAfterAdminSet',
  'added',
  'changed',
  'removed',
])

/** `user.role_changed` → the catalog's `auditLog.sentences.user.role_changed`. */
const sentenceKey = (action: string) => `auditLog.sentences.${action}` as MessageKey
export const actionLabelKey = (action: string) => `auditLog.actions.${action}` as MessageKey

/** The sentence's template in the viewer's language, for an action of the contract. */
export function sentenceTemplate(messages: Messages, action: string): string {
  const [group, name] = action.split('.') as [string, string]
  const sentences = messages.auditLog.sentences as Record<string, Record<string, string> | undefined>
  return sentences[group]?.[name] ?? `{{actor}} · ${action} · {{target}}`
}

/**
 * The sentence with the actor's and the target's names as nodes: "{{actor}} invited {{target}}"
 * → [actor, ' invited ', target]. Each name appears where the language puts it.
 */
export function fillSentence(template: string, parts: { actor: ReactNode; target: ReactNode }): ReactNode[] {
  return template.split(/(\{\{actor\}\}|\{\{target\}\})/).map((piece) => {
    if (piece === '{{actor}}') return parts.actor
    if (piece === '{{target}}') return parts.target
    return piece
  })
}

export interface FormatContext {
  t: Translate
  locale: Locale
  roleName: (role: string) => string
  /** The name of a group the viewer can see, by id. */
  groupName?: (id: string) => string | undefined
}

/** A changed value as a person reads it: yes / no, "—" for nothing, lists joined, dates formatted. */
export function formatValue(value: unknown, field: string, context: FormatContext): string {
  const { t, locale, roleName, groupName } = context
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? t('auditLog.yes') : t('auditLog.no')
  if (field === 'role' && typeof value === 'string') return roleName(value)
  if (
    field === 'status' &&
    typeof value === 'string' &&
    ['invited', 'expired', 'active', 'disabled'].includes(value)
  )
    return t(`status.${value}` as MessageKey)
  // The organization setting's two choices, as the settings form words them.
  if (field === 'existingAccounts' && (value === 'invite' || value === 'add'))
    return t(`organizationSettings.invitations.existingAccounts.${value}`)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale)
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatValue(v, field, context)).join(', ') : t('auditLog.none')
  if (typeof value === 'object' && 'permission' in value && ('group' in value || 'groupId' in value)) {
    // A share: "Paris 11e (view)", the group named from its id when the event has only that.
    const share = value as { group?: unknown; groupId?: unknown; permission: unknown }
    const permission = share.permission === 'manage' ? t('auditLog.manage') : t('auditLog.view')
    const group = share.group ?? groupName?.(String(share.groupId)) ?? t('auditLog.aGroup')
    return `${String(group)} (${permission})`
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${formatValue(v, key, context)}`)
      .join(', ')
  }
  return String(value)
}

/** A field's name in the viewer's language; the wire name for one the catalog does not know. */
export const fieldLabel = (t: Translate, field: string) => {
  // Organization events name their fields by path: settings.passwordPolicy.minLength.
  const bare = field.replace(/^settings\.(?:passwordPolicy\.)?/, '')
  return FIELD_KEYS.has(bare) ? t(`auditLog.fields.${bare}` as MessageKey) : bare
}

/** The changed fields of an event, each as [label, before, after]. */
export function changedFields(event: AuditEvent, context: FormatContext): Array<[string, string, string]> {
  return Object.entries(event.changes ?? {}).map(([field, [before, after]]) => [
    fieldLabel(context.t, field),
    formatValue(before, field.replace(/^settings\.(?:passwordPolicy\.)?/, ''), context),
    formatValue(after, field.replace(/^settings\.(?:passwordPolicy\.)?/, ''), context),
  ])
}

export { sentenceKey }
