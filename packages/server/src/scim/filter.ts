import { normalizeEmail } from '@usher/contract'
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { type Filter, parse } from 'scim2-parse-filter'
import { isUuid } from '../domain/actor'
import { ScimError } from './errors'

/**
 * SCIM filters (RFC 7644 §3.4.2.2) as SQL. The grammar is scim2-parse-filter's; what each
 * attribute means is ours: a column, an expression, or a constant (an Usher person has one email,
 * the work one, so `emails[type eq "work"]` compares the literal 'work'). Comparisons are
 * case-insensitive unless the attribute is case-exact (externalId, id), as RFC 7643 defines them.
 */

type Kind = 'text' | 'exact' | 'bool' | 'date'
interface Attribute {
  kind: Kind
  expr: RawBuilder<unknown>
  /** A faster SQL for `eq` (an index lookup), when there is one. */
  eq?: (value: string) => RawBuilder<SqlBool>
  /** Sub-attributes, for a value path (`emails[type eq "work"]`). */
  sub?: Record<string, Attribute>
}
export type AttributeMap = Record<string, Attribute>

const invalidFilter = (detail: string) => new ScimError(400, detail, 'invalidFilter')

const text = (expr: RawBuilder<unknown>, eq?: Attribute['eq']): Attribute => ({ kind: 'text', expr, eq })
const exact = (expr: RawBuilder<unknown>, eq?: Attribute['eq']): Attribute => ({ kind: 'exact', expr, eq })

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:user:'
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:'
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:group:'

/** The attributes of a User, over `users u left join directory_users du`. */
export function userAttributes(orgId: string): AttributeMap {
  const email: Attribute = text(sql`u.email`, (v) => sql<SqlBool>`u.email = ${normalizeEmail(v)}`)
  const emails: Attribute = {
    ...email,
    sub: { value: email, type: text(sql`'work'`), primary: { kind: 'bool', expr: sql`true` } },
  }
  const phones: Attribute = {
    kind: 'text',
    expr: sql`coalesce(u.phone, u.mobile)`,
    sub: {
      value: text(sql`coalesce(u.phone, u.mobile)`),
      type: text(sql`case when u.phone is not null then 'work' else 'mobile' end`),
    },
  }
  return {
    id: exact(sql`u.id::text`, (v) => (isUuid(v) ? sql<SqlBool>`u.id = ${v}::uuid` : sql<SqlBool>`false`)),
    // The directory's userName if it sent one, else the address. An index lookup for `eq` on
    // either side (Entra and Okta look every person up this way before creating them).
    username: text(sql`coalesce(du.user_name, u.email)`, (v) => {
      const key = v.toLowerCase()
      return sql<SqlBool>`u.id in (
        select d.user_id from directory_users d where d.org_id = ${orgId} and d.user_name_key = ${key}
        union all
        select x.id from users x where x.org_id = ${orgId} and x.email = ${normalizeEmail(v)}
          and not exists (select 1 from directory_users y where y.user_id = x.id))`
    }),
    externalid: exact(sql`u.external_id`, (v) => sql<SqlBool>`u.external_id = ${v}`),
    displayname: text(sql`trim(u.first_name || ' ' || u.last_name)`),
    'name.givenname': text(sql`u.first_name`),
    'name.familyname': text(sql`u.last_name`),
    'name.formatted': text(sql`trim(u.first_name || ' ' || u.last_name)`),
    nickname: text(sql`u.nickname`),
    title: text(sql`u.job_title`),
    active: { kind: 'bool', expr: sql`u.enabled` },
    emails,
    'emails.value': email,
    'emails.type': text(sql`'work'`),
    phonenumbers: phones,
    'phonenumbers.value': phones,
    department: text(sql`u.department`),
    employeenumber: text(sql`du.attributes->>'employeeNumber'`),
    'manager.value': exact(sql`du.attributes->>'manager'`),
    'meta.created': { kind: 'date', expr: sql`u.created_at` },
  }
}

/** The attributes of a Group, over `groups g join directory_groups dg`. */
export function groupAttributes(): AttributeMap {
  const member: Attribute = exact(sql`null`, (v) =>
    isUuid(v)
      ? sql<SqlBool>`exists (select 1 from user_groups m where m.group_id = g.id and m.user_id = ${v}::uuid)`
      : sql<SqlBool>`false`,
  )
  return {
    id: exact(sql`g.id::text`, (v) => (isUuid(v) ? sql<SqlBool>`g.id = ${v}::uuid` : sql<SqlBool>`false`)),
    displayname: text(sql`g.name`),
    externalid: exact(sql`dg.external_id`, (v) => sql<SqlBool>`dg.external_id = ${v}`),
    members: { ...member, sub: { value: member } },
    'members.value': member,
    'meta.created': { kind: 'date', expr: sql`g.created_at` },
  }
}

function attributeName(path: string): string {
  let name = path.toLowerCase()
  for (const urn of [USER_URN, ENTERPRISE_URN, GROUP_URN]) {
    if (name.startsWith(urn)) name = name.slice(urn.length)
  }
  return name
}

const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

function compare(attribute: Attribute, op: string, value: unknown, path: string): RawBuilder<SqlBool> {
  const { kind, expr } = attribute
  if (op === 'pr') return sql<SqlBool>`(${expr} is not null and ${expr}::text <> '')`
  if (kind === 'bool') {
    const wanted = typeof value === 'string' ? value.toLowerCase() === 'true' : value === true
    if (typeof value !== 'boolean' && !(typeof value === 'string' && /^(true|false)$/i.test(value))) {
      throw invalidFilter(`${path} is a boolean: compare it with true or false.`)
    }
    if (op === 'eq') return sql<SqlBool>`${expr} = ${wanted}`
    if (op === 'ne') return sql<SqlBool>`${expr} <> ${wanted}`
    throw invalidFilter(`${path} is a boolean: only eq, ne and pr apply.`)
  }
  if (value === null) {
    if (op === 'eq') return sql<SqlBool>`${expr} is null`
    if (op === 'ne') return sql<SqlBool>`${expr} is not null`
    throw invalidFilter(`Only eq and ne compare ${path} with null.`)
  }
  const raw = String(value)
  if (op === 'eq' && attribute.eq) return attribute.eq(raw)
  if (kind === 'date') {
    if (Number.isNaN(Date.parse(raw))) throw invalidFilter(`${path} is a date: give an ISO 8601 timestamp.`)
    const at = new Date(raw)
    const ops: Record<string, RawBuilder<SqlBool>> = {
      eq: sql<SqlBool>`${expr} = ${at}`,
      ne: sql<SqlBool>`${expr} <> ${at}`,
      gt: sql<SqlBool>`${expr} > ${at}`,
      ge: sql<SqlBool>`${expr} >= ${at}`,
      lt: sql<SqlBool>`${expr} < ${at}`,
      le: sql<SqlBool>`${expr} <= ${at}`,
    }
    const found = ops[op]
    if (!found) throw invalidFilter(`${op} does not apply to the date ${path}.`)
    return found
  }
  const folded = kind === 'text'
  const left = folded ? sql`lower(${expr}::text)` : sql`${expr}::text`
  const right = folded ? raw.toLowerCase() : raw
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${left} = ${right}`
    case 'ne':
      return sql<SqlBool>`${left} is distinct from ${right}`
    case 'co':
      return sql<SqlBool>`${left} like ${`%${likeEscape(right)}%`}`
    case 'sw':
      return sql<SqlBool>`${left} like ${`${likeEscape(right)}%`}`
    case 'ew':
      return sql<SqlBool>`${left} like ${`%${likeEscape(right)}`}`
    case 'gt':
      return sql<SqlBool>`${left} > ${right}`
    case 'ge':
      return sql<SqlBool>`${left} >= ${right}`
    case 'lt':
      return sql<SqlBool>`${left} < ${right}`
    case 'le':
      return sql<SqlBool>`${left} <= ${right}`
    default:
      throw invalidFilter(`Unknown operator ${op}.`)
  }
}

function compile(filter: Filter, attributes: AttributeMap): RawBuilder<SqlBool> {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const parts = filter.filters.map((f) => compile(f, attributes))
      return sql<SqlBool>`(${sql.join(parts, sql.raw(filter.op === 'and' ? ' and ' : ' or '))})`
    }
    case 'not':
      return sql<SqlBool>`not (${compile(filter.filter, attributes)})`
    case '[]': {
      const attribute = attributes[attributeName(filter.attrPath)]
      if (!attribute?.sub) throw invalidFilter(`${filter.attrPath} has no sub-attributes to filter on.`)
      return compile(filter.valFilter, attribute.sub)
    }
    default: {
      const attribute = attributes[attributeName(filter.attrPath)]
      if (!attribute) throw invalidFilter(`No attribute ${filter.attrPath} to filter on.`)
      return compare(
        attribute,
        filter.op,
        'compValue' in filter ? filter.compValue : undefined,
        filter.attrPath,
      )
    }
  }
}

/** The SQL condition of a `filter` query parameter; 400 invalidFilter when it does not parse. */
export function filterCondition(filter: string, attributes: AttributeMap): RawBuilder<SqlBool> {
  let ast: Filter
  try {
    ast = parse(filter)
  } catch {
    throw invalidFilter(`The filter does not parse: ${filter.slice(0, 200)}`)
  }
  return compile(ast, attributes)
}
