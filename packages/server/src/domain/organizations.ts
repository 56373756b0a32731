import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type Organization,
  type OrganizationSettings,
  OrganizationSettingsSchema,
} from '@usher/contract'
import type { OrganizationRow } from '../db/schema'
import { iso } from './time'

const parsed = new WeakMap<OrganizationRow, OrganizationSettings>()

/** The row's settings, with defaults for anything a newer version added since it was written. */
export function organizationSettings(org: OrganizationRow): OrganizationSettings {
  let settings = parsed.get(org)
  if (!settings) {
    const raw = (typeof org.settings === 'string' ? JSON.parse(org.settings) : org.settings) as object
    settings = OrganizationSettingsSchema.parse({
      ...DEFAULT_ORGANIZATION_SETTINGS,
      ...raw,
      passwordPolicy: {
        ...DEFAULT_ORGANIZATION_SETTINGS.passwordPolicy,
        ...((raw as { passwordPolicy?: object }).passwordPolicy ?? {}),
      },
    })
    parsed.set(org, settings)
  }
  return settings
}

export function toOrganization(org: OrganizationRow): Organization {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    activatedAt: org.activated_at ? iso(org.activated_at) : null,
    settings: organizationSettings(org),
    createdAt: iso(org.created_at),
    version: org.version,
  }
}
