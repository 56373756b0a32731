import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './user-resource'

/**
 * The discovery resources of RFC 7644 §4: what this service provider supports (PATCH, filters,
 * ETags; no bulk, sorting or password changes) and the schemas of its resources, limited to the
 * attributes Usher keeps.
 */
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
const CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType'
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema'

/** Most resources a list answers at once (`count` is capped to it). */
export const MAX_RESULTS = 1000

export function serviceProviderConfig(base: string) {
  return {
    schemas: [CONFIG_SCHEMA],
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A directory token created by the organization’s owner (Settings → Directory sync).',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  }
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A person of the organization.',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A group of the organization that the directory keeps.',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ]
}

type Attribute = {
  name: string
  type?: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime'
  multiValued?: boolean
  required?: boolean
  caseExact?: boolean
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly'
  uniqueness?: 'none' | 'server' | 'global'
  subAttributes?: Attribute[]
  description?: string
}

const attribute = (a: Attribute): Record<string, unknown> => ({
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...a,
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attribute) } : {}),
})

const typedValues = (name: string, types: string[], description: string): Attribute => ({
  name,
  type: 'complex',
  multiValued: true,
  description,
  subAttributes: [
    { name: 'value' },
    { name: 'type', description: types.join(', ') },
    { name: 'primary', type: 'boolean' },
  ],
})

export function schemas(base: string) {
  const user = {
    id: USER_SCHEMA,
    name: 'User',
    description: 'A person of the organization.',
    attributes: [
      {
        name: 'userName',
        required: true,
        uniqueness: 'server',
        description: 'Unique per organization, case-insensitively.',
      },
      {
        name: 'name',
        type: 'complex',
        subAttributes: [
          { name: 'givenName' },
          { name: 'familyName' },
          { name: 'formatted', mutability: 'readOnly' },
        ],
      },
      { name: 'displayName', description: 'Read for names when name is absent.' },
      { name: 'nickName' },
      { name: 'title', description: 'The job title.' },
      { name: 'preferredLanguage', description: 'fr or en: the language of the person’s emails.' },
      {
        name: 'active',
        type: 'boolean',
        description: 'false disables the person; they are never deleted by it.',
      },
      typedValues('emails', ['work'], 'The work email is the address the person signs in with.'),
      typedValues('phoneNumbers', ['work', 'mobile'], 'The work phone and the mobile.'),
      { name: 'externalId', caseExact: true, description: 'The single sign-on id.' },
    ] satisfies Attribute[],
  }
  const enterprise = {
    id: ENTERPRISE_SCHEMA,
    name: 'EnterpriseUser',
    description: 'Enterprise attributes of a person.',
    attributes: [
      { name: 'department' },
      { name: 'employeeNumber' },
      { name: 'manager', type: 'complex', subAttributes: [{ name: 'value', type: 'string' }] },
    ] satisfies Attribute[],
  }
  const group = {
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'A group the directory keeps; its members are people of the organization.',
    attributes: [
      { name: 'displayName', required: true, uniqueness: 'server' },
      { name: 'externalId', caseExact: true },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', mutability: 'immutable' },
          { name: 'display', mutability: 'readOnly' },
        ],
      },
    ] satisfies Attribute[],
  }
  return [user, enterprise, group].map((s) => ({
    schemas: [SCHEMA_SCHEMA],
    ...s,
    attributes: s.attributes.map((a) => attribute(a as Attribute)),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${s.id}` },
  }))
}

export function listResponse(resources: unknown[], total: number, startIndex: number) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  }
}
