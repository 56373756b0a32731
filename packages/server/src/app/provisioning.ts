import { randomUUID } from 'node:crypto'
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type Locale,
  normalizeEmail,
  type Organization,
  type OrganizationSettings,
  OrganizationSettingsSchema,
  type User,
} from '@usher/contract'
import { hashPassword } from '../auth/passwords'
import { signHostToken } from '../auth/tokens'
import { writeAudit } from '../domain/audit'
import { toOrganization } from '../domain/organizations'
import { insertPerson } from '../domain/people'
import { toUserOne } from '../domain/users'
import type { Services } from './services'

export interface CreateOrganizationInput {
  name: string
  /** URL-safe and unique; derived from the name when omitted. */
  slug?: string
  /** false leaves the team to be activated (named) by its owner before users are managed. @default true */
  activated?: boolean
  settings?: Partial<OrganizationSettings>
  owner: {
    email: string
    firstName: string
    lastName?: string
    locale?: Locale
    /** Set it for the built-in sign-in; hosts that sign their own tokens leave it out. */
    password?: string
    externalId?: string
  }
}

export interface Provisioning {
  /** A new organization (tenant) and its first owner, active. */
  createOrganization(input: CreateOrganizationInput): Promise<{ organization: Organization; owner: User }>
  /**
   * A token for a member, signed like a host's (needs the server's secret): for demos, tests and
   * hosts that let Usher's secret sign for them.
   */
  token(input: { userId: string; orgId: string; expiresInSeconds?: number }): Promise<string>
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  return slug.length >= 2 ? slug : `org-${slug}`
}

export function createProvisioning(services: Services, ready: Promise<void>): Provisioning {
  const { db } = services
  return {
    async createOrganization(input) {
      await ready
      const now = services.now()
      const settings = OrganizationSettingsSchema.parse({
        ...DEFAULT_ORGANIZATION_SETTINGS,
        ...input.settings,
      })
      const id = randomUUID()
      const base = input.slug ?? slugify(input.name)
      const passwordHash = input.owner.password ? await hashPassword(input.owner.password) : null
      return db.transaction().execute(async (trx) => {
        // A taken slug gets a short suffix rather than failing the sign-up.
        let slug = base
        for (let attempt = 0; ; attempt++) {
          const taken = await trx
            .selectFrom('organizations')
            .select('id')
            .where('slug', '=', slug)
            .executeTakeFirst()
          if (!taken) break
          slug = `${base}-${randomUUID().slice(0, 6 + attempt)}`
        }
        const orgRow = await trx
          .insertInto('organizations')
          .values({
            id,
            name: input.name,
            slug,
            activated_at: input.activated === false ? null : now,
            settings: JSON.stringify(settings),
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        const ownerRow = await insertPerson(
          trx,
          {
            orgId: id,
            email: normalizeEmail(input.owner.email),
            firstName: input.owner.firstName,
            lastName: input.owner.lastName ?? '',
            locale: input.owner.locale ?? 'en',
            role: 'owner',
            source: 'owner',
            externalId: input.owner.externalId ?? null,
            passwordHash,
          },
          now,
        )
        if (!ownerRow) throw new Error('unreachable: a new organization has no users')
        // An owner without a password (the host signs them in) is active all the same.
        if (!passwordHash) {
          await trx.updateTable('users').set({ activated_at: now }).where('id', '=', ownerRow.id).execute()
          ownerRow.activated_at = now
        }
        await writeAudit(
          trx,
          { actor: null, requestId: null, now },
          {
            orgId: id,
            action: 'user.created',
            target: { type: 'user', id: ownerRow.id, label: ownerRow.email },
            actorOverride: null,
          },
        )
        return { organization: toOrganization(orgRow), owner: await toUserOne(trx, ownerRow, now, null) }
      })
    },
    async token({ userId, orgId, expiresInSeconds }) {
      const secret = services.secret
      if (!secret) throw new Error('No secret configured: set auth.secret or USHER_JWT_SECRET.')
      return signHostToken({ secret, userId, orgId, expiresInSeconds, now: services.now() })
    },
  }
}
