import { isValidEmail, normalizeEmail, UpdateUserSchema } from '@usher/contract'
import type { UserRow } from '../db/schema'
import { iso } from '../domain/time'
import { invalidValue } from './errors'

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

/** A users row as the SCIM view reads it: with what the directory knows of the person. */
export type ScimUserRow = UserRow & {
  user_name: string | null
  attributes: Record<string, unknown> | null
}

/** ETags are weak (`W/"7"`), from the row's version, as RFC 7644 §3.14 shows them. */
export const etagOf = (version: number) => `W/"${version}"`

/** The version an `If-Match` names (`W/"7"` or `"7"`); null for `*` or no header. */
export function ifMatchVersion(header: string | undefined): number | null | 'invalid' {
  if (header === undefined || header.trim() === '*') return null
  const match = header.trim().match(/^(?:W\/)?"(\d+)"$/)
  return match?.[1] ? Number(match[1]) : 'invalid'
}

/** A person as a SCIM User (core schema and the enterprise extension). */
export function toScimUser(row: ScimUserRow, location: string): Record<string, unknown> {
  const displayName = `${row.first_name} ${row.last_name}`.trim()
  const phones = [
    ...(row.phone ? [{ value: row.phone, type: 'work' }] : []),
    ...(row.mobile ? [{ value: row.mobile, type: 'mobile' }] : []),
  ]
  const attributes = row.attributes ?? {}
  const enterprise = {
    ...(row.department ? { department: row.department } : {}),
    ...(typeof attributes.employeeNumber === 'string' ? { employeeNumber: attributes.employeeNumber } : {}),
    ...(typeof attributes.manager === 'string' ? { manager: { value: attributes.manager } } : {}),
  }
  return {
    schemas: [USER_SCHEMA, ...(Object.keys(enterprise).length ? [ENTERPRISE_SCHEMA] : [])],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.user_name ?? row.email,
    name: { givenName: row.first_name, familyName: row.last_name, formatted: displayName },
    displayName,
    ...(row.nickname ? { nickName: row.nickname } : {}),
    ...(row.job_title ? { title: row.job_title } : {}),
    preferredLanguage: row.locale,
    active: row.enabled,
    emails: [{ value: row.email, type: 'work', primary: true }],
    ...(phones.length ? { phoneNumbers: phones } : {}),
    ...(Object.keys(enterprise).length ? { [ENTERPRISE_SCHEMA]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: iso(row.created_at),
      location,
      version: etagOf(row.version),
    },
  }
}

/** What a SCIM User says of a person, in Usher's terms. */
export interface DirectoryPerson {
  userName: string
  /** Normalised: the login. */
  email: string
  firstName: string
  lastName: string
  externalId: string | null
  active: boolean
  nickname: string | null
  jobTitle: string | null
  department: string | null
  phone: string | null
  mobile: string | null
  /** From preferredLanguage (`fr`, `fr-FR`…); English otherwise. */
  locale: 'en' | 'fr'
  /** Enterprise attributes Usher has no column for. */
  attributes: { employeeNumber?: string; manager?: string }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An attribute by name, case-insensitively (RFC 7643 §2.1: attribute names are case-insensitive). */
function attr(resource: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : resource[key]
}

const stringOrNull = (value: unknown, path: string): string | null => {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') throw invalidValue(`${path} must be a string.`)
  return value.trim() || null
}

/**
 * A boolean as directories send it: Entra sends "True" and "False" as strings (a documented
 * deviation of its provisioning service) where RFC 7643 wants JSON booleans.
 */
export function scimBoolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true'
  throw invalidValue(`${path} must be true or false.`)
}

/** The multi-valued entry of `type` (case-insensitive), else the primary one, else the first. */
function pick(
  list: unknown,
  type: string,
  path: string,
  fallback: boolean,
): Record<string, unknown> | undefined {
  if (list === undefined || list === null) return undefined
  if (!Array.isArray(list)) throw invalidValue(`${path} must be a list.`)
  const entries = list.filter(isObject)
  const typed = entries.find((e) => String(attr(e, 'type') ?? '').toLowerCase() === type)
  if (typed || !fallback) return typed
  return entries.find((e) => attr(e, 'primary') === true || attr(e, 'primary') === 'True') ?? entries[0]
}

// The contract's one email rule: a userName that it accepts is the person's address.
const looksLikeAddress = (value: string) => isValidEmail(value.trim())

/** Usher's field → the SCIM attribute it comes from, to word a refusal in the directory's terms. */
const SCIM_NAMES: Record<string, string> = {
  firstName: 'name.givenName',
  lastName: 'name.familyName',
  nickname: 'nickName',
  jobTitle: 'title',
  department: `${ENTERPRISE_SCHEMA}:department`,
  phone: 'phoneNumbers[type eq "work"].value',
  mobile: 'phoneNumbers[type eq "mobile"].value',
  externalId: 'externalId',
}

/**
 * Reads a whole SCIM User (a POST or PUT body, or the resource a PATCH produced). The address is
 * the work email (else the primary or first one), else the userName when it is an address; a
 * person without one is refused. Names fall back on displayName, then on the address. Every field
 * then goes through the contract's user schema, the one judge of names, phones and texts.
 */
export function readScimUser(resource: unknown): DirectoryPerson {
  if (!isObject(resource)) throw invalidValue('The body must be a SCIM User object.')
  const userName = stringOrNull(attr(resource, 'userName'), 'userName')
  if (!userName) throw invalidValue('userName is required.')

  const emailEntry = pick(attr(resource, 'emails'), 'work', 'emails', true)
  const emailValue = emailEntry ? stringOrNull(attr(emailEntry, 'value'), 'emails.value') : null
  const address = emailValue ?? (looksLikeAddress(userName) ? userName : null)
  if (!address) {
    throw invalidValue(
      'A person needs an email address: send emails[type eq "work"].value, or a userName that is an email address.',
    )
  }

  const name = attr(resource, 'name')
  const nameObject = isObject(name) ? name : {}
  let firstName = stringOrNull(attr(nameObject, 'givenName'), 'name.givenName')
  let lastName = stringOrNull(attr(nameObject, 'familyName'), 'name.familyName')
  if (!firstName && !lastName) {
    const display = stringOrNull(attr(resource, 'displayName'), 'displayName')
    const [first, ...rest] = (display ?? '').split(/\s+/).filter(Boolean)
    firstName = first ?? null
    lastName = rest.join(' ') || null
  }
  firstName ??= address.split('@')[0] ?? address

  const enterpriseKey = Object.keys(resource).find((k) => k.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase())
  const enterprise = enterpriseKey && isObject(resource[enterpriseKey]) ? resource[enterpriseKey] : {}
  const manager = attr(enterprise, 'manager')
  const managerId = isObject(manager)
    ? stringOrNull(attr(manager, 'value'), 'manager.value')
    : stringOrNull(manager, 'manager')
  const employeeNumber = stringOrNull(attr(enterprise, 'employeeNumber'), 'employeeNumber')

  const phones = attr(resource, 'phoneNumbers')
  const workPhone = pick(phones, 'work', 'phoneNumbers', false)
  const mobilePhone = pick(phones, 'mobile', 'phoneNumbers', false)

  const fields = {
    firstName,
    lastName: lastName ?? '',
    nickname: stringOrNull(attr(resource, 'nickName'), 'nickName'),
    jobTitle: stringOrNull(attr(resource, 'title'), 'title'),
    department: stringOrNull(attr(enterprise, 'department'), 'department'),
    phone: workPhone ? stringOrNull(attr(workPhone, 'value'), 'phoneNumbers.value') : null,
    mobile: mobilePhone ? stringOrNull(attr(mobilePhone, 'value'), 'phoneNumbers.value') : null,
    externalId: stringOrNull(attr(resource, 'externalId'), 'externalId'),
  }
  const parsed = UpdateUserSchema.safeParse(fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = String(issue?.path[0] ?? '')
    throw invalidValue(`${SCIM_NAMES[field] ?? field}: ${issue?.message ?? 'invalid value.'}`)
  }
  const data = parsed.data
  return {
    userName,
    email: normalizeEmail(address),
    firstName: data.firstName ?? firstName,
    lastName: data.lastName ?? '',
    externalId: data.externalId ?? null,
    active: scimBoolean(attr(resource, 'active'), 'active', true),
    locale: /^fr\b/i.test(String(attr(resource, 'preferredLanguage') ?? '')) ? 'fr' : 'en',
    nickname: data.nickname ?? null,
    jobTitle: data.jobTitle ?? null,
    department: data.department ?? null,
    phone: data.phone ?? null,
    mobile: data.mobile ?? null,
    attributes: {
      ...(employeeNumber ? { employeeNumber } : {}),
      ...(managerId ? { manager: managerId } : {}),
    },
  }
}
