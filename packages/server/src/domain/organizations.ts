import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type Organization,
  type OrganizationSettings,
  OrganizationSettingsSchema,
} from '@usher/contract'
import type { OrganizationRow } from '../db/schema'
import { iso } from './time'

/**
 * Parsed settings by their stored text: every request reads its organization's row afresh (see
 * `loadActor`), and the same text always parses to the same settings, so the schema runs once per
 * version of an organization's settings instead of once per request. Bounded: cleared when full.
 * The settings are shared between requests: read them, never change them.
 */
const parsed = new Map<string, OrganizationSettings>()
const PARSED_MAX = 1_000

/** The row's settings, with defaults for anything a newer version added since it was written. */
export function organizationSettings(org: OrganizationRow): OrganizationSettings {
  const text = typeof org.settings === 'string' ? org.settings : JSON.stringify(org.settings)
  let settings = parsed.get(text)
  if (!settings) {
    const raw = JSON.parse(text) as object
    settings = OrganizationSettingsSchema.parse({
      ...DEFAULT_ORGANIZATION_SETTINGS,
      ...raw,
      passwordPolicy: {
        ...DEFAULT_ORGANIZATION_SETTINGS.passwordPolicy,
        ...((raw as { passwordPolicy?: object }).passwordPolicy ?? {}),
      },
    })
    if (parsed.size >= PARSED_MAX) parsed.clear()
    parsed.set(text, settings)
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
