import type { Organization, OrganizationSettings, UpdateOrganizationInput } from '@usher/contract'

/** What the form edits: the team name and the settings an owner may change. */
export interface SettingsDraft {
  name: string
  invitationLifetimeDays: number
  remindersEnabled: boolean
  reminderDays: number
  refusedMailboxes: string[]
  contactTopics: OrganizationSettings['contactTopics']
  minLength: number
  minStrength: 0 | 1 | 2 | 3 | 4
  forceChangeAfterAdminSet: boolean
  timeZone: string
  inboundEmail: OrganizationSettings['inboundEmail']
  existingAccounts: OrganizationSettings['existingAccounts']
}

export function draftOf(organization: Organization): SettingsDraft {
  const { settings } = organization
  return {
    name: organization.name,
    invitationLifetimeDays: settings.invitationLifetimeDays,
    remindersEnabled: settings.invitationReminders.enabled,
    reminderDays: settings.invitationReminders.daysBefore,
    refusedMailboxes: [...settings.refusedMailboxes],
    contactTopics: settings.contactTopics.map((topic) => ({ ...topic })),
    minLength: settings.passwordPolicy.minLength,
    minStrength: settings.passwordPolicy.minStrength,
    forceChangeAfterAdminSet: settings.passwordPolicy.forceChangeAfterAdminSet,
    timeZone: settings.timeZone,
    inboundEmail: {
      ...settings.inboundEmail,
      domains: settings.inboundEmail.domains.map((entry) => ({ ...entry })),
    },
    existingAccounts: settings.existingAccounts,
  }
}

/** The PATCH body for a draft: every editable field, the server keeps what did not change. */
export function patchOf(draft: SettingsDraft): UpdateOrganizationInput {
  return {
    name: draft.name,
    settings: {
      invitationLifetimeDays: draft.invitationLifetimeDays,
      invitationReminders: { enabled: draft.remindersEnabled, daysBefore: draft.reminderDays },
      refusedMailboxes: draft.refusedMailboxes,
      contactTopics: draft.contactTopics,
      passwordPolicy: {
        minLength: draft.minLength,
        minStrength: draft.minStrength,
        forceChangeAfterAdminSet: draft.forceChangeAfterAdminSet,
      },
      timeZone: draft.timeZone,
      inboundEmail: draft.inboundEmail,
      existingAccounts: draft.existingAccounts,
    },
  }
}

/** A topic key from its name: "Facturation & devis" → "facturation-devis". */
export function topicKey(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'topic'
  let key = base
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`
  return key
}

/** Zones most teams pick, the organization's own first: a short list, any IANA name may be typed. */
const COMMON_ZONES = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Zurich',
  'Europe/Luxembourg',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'America/Montreal',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Africa/Casablanca',
  'Africa/Dakar',
  'Indian/Reunion',
  'America/Martinique',
  'Pacific/Noumea',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
]

export function timeZones(current: string): string[] {
  return [current, ...COMMON_ZONES.filter((zone) => zone !== current)]
}
