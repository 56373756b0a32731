import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { createOpenApiDocument, endpointErrorCodes } from '../scripts/openapi-document'
import {
  type EndpointDefinition,
  ERROR_CODES,
  endpoints,
  errorCodes,
  HEADERS,
  INVITATIONS_PER_REQUEST_MAX,
  PROBLEM_CONTENT_TYPE,
  parseIfMatch,
} from '../src/index'

// The slice of OpenAPI the assertions read. The generator inlines parameters, bodies and responses
// (only schemas are `$ref`s), so these shapes hold; if it stopped doing so the checks would fail.
interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  maxItems?: number
  description?: string
  enum?: string[]
  allOf?: Schema[]
  additionalProperties?: boolean | Schema
  [keyword: string]: unknown
}
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}
interface MediaType {
  schema?: Schema
}
interface Response {
  description: string
  headers?: Record<string, { required?: boolean; schema?: Schema }>
  content?: Record<string, MediaType>
}
interface Operation {
  operationId?: string
  tags?: string[]
  summary?: string
  description?: string
  security?: Record<string, string[]>[]
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, MediaType> }
  responses: Record<string, Response>
  'x-usher-permission'?: string
}
type PathItem = Partial<Record<'get' | 'put' | 'post' | 'patch' | 'delete', Operation>>
interface Doc {
  openapi: string
  info: { title: string; version: string; description?: string }
  servers?: { url: string; description?: string }[]
  security?: Record<string, string[]>[]
  paths: Record<string, PathItem>
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, unknown>> }
  'x-usher-error-codes'?: Record<string, { status: number; title: string; type: string }>
}

const openApiFile = fileURLToPath(new URL('../openapi.json', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
}

const generated = createOpenApiDocument()
/** What `openapi.json` holds: the generated document after a JSON round trip. */
const doc = JSON.parse(JSON.stringify(generated)) as Doc

const entries = Object.entries(endpoints) as [string, EndpointDefinition][]

function operationOf(endpoint: Pick<EndpointDefinition, 'method' | 'path'>): Operation {
  const method = endpoint.method.toLowerCase() as keyof PathItem
  const operation = doc.paths[endpoint.path]?.[method]
  if (!operation) throw new Error(`No operation for ${endpoint.method} ${endpoint.path}`)
  return operation
}

function header(operation: Operation, name: string): Parameter | undefined {
  return operation.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase())
}

function schemaComponent(name: string): Schema {
  const schema = doc.components.schemas[name]
  if (!schema) throw new Error(`No component schema ${name}`)
  return schema
}

/** Follows one `#/...` JSON pointer; undefined when it leads nowhere. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  const tokens = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'))
  let node: unknown = root
  for (const token of tokens) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined
    node = (node as Record<string, unknown>)[token]
  }
  return node
}

/** Every `$ref` in the document, with where it sits. */
function collectRefs(node: unknown, at = '#', out: { at: string; ref: string }[] = []) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      collectRefs(item, `${at}/${index}`, out)
    })
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push({ at, ref: value })
      else collectRefs(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, out)
    }
  }
  return out
}

/** JSON pointers of every Schema Object of the document: components, parameters, headers, media types. */
function schemaLocations(): string[] {
  const out = Object.keys(doc.components.schemas).map((name) => `#/components/schemas/${name}`)
  for (const [path, item] of Object.entries(doc.paths)) {
    const p = `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}`
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      operation.parameters?.forEach((param, i) => {
        if (param.schema) out.push(`${p}/${method}/parameters/${i}/schema`)
      })
      for (const type of Object.keys(operation.requestBody?.content ?? {})) {
        out.push(`${p}/${method}/requestBody/content/${type.replaceAll('/', '~1')}/schema`)
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const name of Object.keys(response.headers ?? {})) {
          out.push(`${p}/${method}/responses/${status}/headers/${name}/schema`)
        }
        for (const type of Object.keys(response.content ?? {})) {
          out.push(`${p}/${method}/responses/${status}/content/${type.replaceAll('/', '~1')}/schema`)
        }
      }
    }
  }
  return out
}

interface Ajv {
  addSchema(schema: object): Ajv
  addKeyword(keyword: string): Ajv
  compile(schema: object): unknown
}

/**
 * Ajv 2020-12 in strict mode, from the validator's own dependencies: the OAS 3.1 document schema
 * deliberately leaves Schema Objects unchecked, so this checks them as JSON Schema.
 */
function strictJsonSchemaAjv(): Ajv {
  const fromValidator = createRequire(
    createRequire(import.meta.url).resolve('@seriousme/openapi-schema-validator'),
  )
  const Ajv2020 = (fromValidator('ajv/dist/2020.js') as { default: new (options: object) => Ajv }).default
  const addFormats = (fromValidator('ajv-formats') as { default: (ajv: Ajv) => Ajv }).default
  const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }))
  // The OpenAPI dialect's own Schema Object keywords, and the document's members around the schemas.
  const openApiKeywords = ['discriminator', 'xml', 'externalDocs', 'example']
  for (const keyword of [...openApiKeywords, ...Object.keys(doc)]) ajv.addKeyword(keyword)
  return ajv
}

describe('openapi document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator({ allErrors: true })
    const result = await validator.validate(structuredClone(generated) as unknown as Record<string, unknown>)
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('holds Schema Objects that compile as JSON Schema 2020-12 in Ajv strict mode', () => {
    const ajv = strictJsonSchemaAjv()
    ajv.addSchema({ $id: 'urn:usher:openapi', ...doc })
    const failures: string[] = []
    for (const location of schemaLocations()) {
      try {
        ajv.compile({ $ref: `urn:usher:openapi${location}` })
      } catch (error) {
        failures.push(`${location}: ${(error as Error).message}`)
      }
    }
    expect(failures, failures.join('\n')).toEqual([])
  }, 120_000) // compiling every schema strictly is CPU-bound: seconds alone, minutes beside other test runs

  it('is the checked-in openapi.json', () => {
    const file = JSON.parse(readFileSync(openApiFile, 'utf8')) as unknown
    expect(file, 'openapi.json is stale: run `pnpm --filter @usher/contract openapi`').toStrictEqual(doc)
  })

  it('resolves every $ref', () => {
    const refs = collectRefs(doc)
    expect(refs.length).toBeGreaterThan(0)
    const broken = refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined)
    expect(broken, broken.map(({ at, ref }) => `${at}: ${ref}`).join('\n')).toEqual([])
  })

  it('describes the API and its conventions', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('Usher API')
    expect(doc.info.version).toBe(pkg.version)
    for (const word of ['nextCursor', 'problem+json', 'If-Match', 'ETag', 'Idempotency-Key', '404']) {
      expect(doc.info.description).toContain(word)
    }
    expect(doc.servers).toEqual([{ url: '/', description: 'mounted under the host prefix' }])
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    })
    expect(doc.security).toEqual([{ bearerAuth: [] }])
  })

  it('lists every error code with its status and title', () => {
    const listed = doc['x-usher-error-codes'] ?? {}
    expect(Object.keys(listed)).toEqual(errorCodes)
    const errorCode = schemaComponent('ErrorCode')
    expect(errorCode.enum).toEqual(errorCodes)
    for (const code of errorCodes) {
      expect(listed[code]).toMatchObject(ERROR_CODES[code])
      expect(errorCode.description).toContain(`| \`${code}\` | ${ERROR_CODES[code].status} |`)
    }
  })
})

describe('operations', () => {
  it('are exactly the endpoints, plus GET /openapi.json', () => {
    const operationIds = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    )
    expect(operationIds.sort()).toEqual([...Object.keys(endpoints), 'getOpenApi'].sort())
  })

  it.each(entries)('%s: method, path, tag, auth and parameters', (name, endpoint) => {
    const operation = operationOf(endpoint)
    expect(operation.operationId).toBe(name)
    expect(operation.tags).toEqual([endpoint.tag])
    expect(operation.summary).toBe(endpoint.summary)
    if (endpoint.description) expect(operation.description).toContain(endpoint.description)
    expect(operation['x-usher-permission']).toBe(endpoint.auth)
    if (endpoint.auth === 'public') expect(operation.security).toEqual([])
    else expect(operation.security).toBeUndefined()

    const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
    const declared = (operation.parameters ?? []).filter((p) => p.in === 'path')
    expect(declared.map((p) => p.name)).toEqual(pathParams)
    for (const param of declared) expect(param.required).toBe(true)

    const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
    const queryShape = (endpoint.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}
    expect(query).toEqual(Object.keys(queryShape))

    if (endpoint.body) {
      expect(operation.requestBody?.required).toBe(true)
      const raw = endpoint.rawBody ? [endpoint.rawBody.contentType] : []
      expect(Object.keys(operation.requestBody?.content ?? {})).toEqual(['application/json', ...raw])
    } else {
      expect(operation.requestBody).toBeUndefined()
    }
  })

  it.each(entries)('%s: If-Match and Idempotency-Key exactly where declared', (_, endpoint) => {
    const operation = operationOf(endpoint)
    const ifMatch = header(operation, HEADERS.ifMatch)
    const idempotencyKey = header(operation, HEADERS.idempotencyKey)
    if (endpoint.ifMatch) expect(ifMatch?.required).toBe(true)
    else expect(ifMatch).toBeUndefined()
    if (endpoint.idempotent) expect(idempotencyKey?.required ?? false).toBe(false)
    expect(idempotencyKey !== undefined).toBe(endpoint.idempotent === true)

    const success = operation.responses[`${endpoint.success.status}`]
    expect(success).toBeDefined()
    expect(success?.headers?.[HEADERS.etag] !== undefined).toBe(endpoint.ifMatch === true)
  })

  it.each(entries)('%s: success and error responses', (_, endpoint) => {
    const operation = operationOf(endpoint)
    const success = operation.responses[`${endpoint.success.status}`]
    if (endpoint.success.schema) expect(success?.content?.['application/json']?.schema).toBeDefined()
    else if (endpoint.success.file) {
      expect(Object.keys(success?.content ?? {})).toEqual([endpoint.success.file.contentType])
      expect(success?.headers?.['Content-Disposition']).toBeDefined()
    } else expect(success?.content).toBeUndefined()

    const codes = endpointErrorCodes(endpoint)
    for (const code of endpoint.errors) expect(codes).toContain(code)
    const statuses = [...new Set(codes.map((code) => `${ERROR_CODES[code].status}`))].sort()
    const errorStatuses = Object.keys(operation.responses).filter((status) => Number(status) >= 400)
    expect(errorStatuses.sort()).toEqual(statuses)
    for (const code of codes) {
      expect(operation.responses[`${ERROR_CODES[code].status}`]?.description).toContain(`\`${code}\``)
    }
    if (endpoint.auth === 'public') {
      expect(operation.responses['401']?.description ?? '').not.toMatch(/unauthenticated|token_expired/)
    } else if (endpoint.auth === 'inbound-email-token') {
      // A pipeline token is unknown or revoked, never expired: it is no member's session.
      expect(operation.responses['401']?.description).toContain('`unauthenticated`')
      expect(operation.responses['401']?.description).not.toContain('`token_expired`')
    } else {
      expect(operation.responses['401']?.description).toContain('`unauthenticated`')
      expect(operation.responses['401']?.description).toContain('`token_expired`')
    }
  })

  const bodies = entries.filter(([, endpoint]) => endpoint.body)
  it.each(bodies)(
    '%s: a body that is not JSON, too large or of another type is documented',
    (_, endpoint) => {
      const responses = operationOf(endpoint).responses
      expect(responses['400']?.description).toContain('`invalid_json`')
      expect(responses['413']?.description).toContain('`payload_too_large`')
      expect(responses['415']?.description).toContain('`unsupported_media_type`')
      expect(responses['422']?.description).toContain('`validation_failed`')
    },
  )

  const withId = entries.filter(([, endpoint]) => endpoint.path.includes('{id}'))
  it.each(withId)('%s: a malformed path id answers a documented 422', (_, endpoint) => {
    expect(operationOf(endpoint).responses['422']?.description).toContain('`validation_failed`')
  })

  it('every request with a body or a path id is covered', () => {
    expect(bodies.length).toBeGreaterThan(15)
    expect(withId.length).toBeGreaterThan(8)
  })

  it('the If-Match pattern accepts exactly what the server reads (strong tags only)', () => {
    const [, endpoint] = entries.find(([, e]) => e.ifMatch) ?? []
    if (!endpoint) throw new Error('no If-Match endpoint')
    const pattern = header(operationOf(endpoint), HEADERS.ifMatch)?.schema?.pattern
    expect(typeof pattern).toBe('string')
    const regex = new RegExp(pattern as string, 'u')
    for (const value of ['"7"', '7', '"0"', 'W/"7"', 'w/"7"', '*', '"7", "8"', '"a"', '', '"7']) {
      expect(regex.test(value), value).toBe(parseIfMatch(value) !== null)
    }
    expect(parseIfMatch('W/"7"')).toBeNull()
  })

  it('GET /openapi.json is public and answers a JSON object', () => {
    const operation = operationOf({ method: 'GET', path: '/openapi.json' })
    expect(operation.operationId).toBe('getOpenApi')
    expect(operation.security).toEqual([])
    expect(operation['x-usher-permission']).toBe('public')
    expect(operation.responses['200']?.content?.['application/json']?.schema?.type).toBe('object')
  })
})

describe('what users rely on', () => {
  it('the User component has email, status and role', () => {
    const user = schemaComponent('User')
    expect(user.required).toEqual(expect.arrayContaining(['email', 'status', 'role']))
    expect(user.properties?.email?.type).toBe('string')
    expect(user.properties?.status?.$ref).toBe('#/components/schemas/UserStatus')
    expect(user.properties?.role?.$ref).toBe('#/components/schemas/RoleKey')
    expect(schemaComponent('UserStatus').enum).toEqual(['invited', 'expired', 'active', 'disabled'])
  })

  it('createInvitations takes 1 to 1000 invitations', () => {
    const body = operationOf(endpoints.createInvitations).requestBody?.content['application/json']?.schema
    expect(body?.$ref).toBe('#/components/schemas/CreateInvitations')
    const invitations = schemaComponent('CreateInvitations').properties?.invitations
    expect(invitations?.type).toBe('array')
    expect(invitations?.minItems).toBe(1)
    expect(invitations?.maxItems).toBe(INVITATIONS_PER_REQUEST_MAX)
    expect(INVITATIONS_PER_REQUEST_MAX).toBe(1000)
    expect(invitations?.items?.required).toEqual(expect.arrayContaining(['firstName', 'email', 'role']))
  })

  it('error responses are application/problem+json with the Problem schema', () => {
    let count = 0
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue
          count++
          expect(Object.keys(response.content ?? {})).toEqual([PROBLEM_CONTENT_TYPE])
          const schema = response.content?.[PROBLEM_CONTENT_TYPE]?.schema
          // password_too_weak adds its extension members to the Problem, never replaces it.
          expect(schema?.$ref ?? schema?.allOf?.[0]?.$ref).toBe('#/components/schemas/Problem')
          if (schema?.allOf) {
            expect(response.description).toContain('password_too_weak')
            expect(Object.keys(schema.allOf[1]?.properties ?? {})).toEqual([
              'passwordPolicy',
              'passwordProblems',
            ])
            expect(schema.allOf[1]?.additionalProperties).not.toBe(false)
          }
        }
      }
    }
    expect(count).toBeGreaterThan(0)
    const problem = schemaComponent('Problem')
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']))
    expect(problem.properties?.code?.$ref).toBe('#/components/schemas/ErrorCode')
  })

  it('query lists, coerced limits and email transforms render as their input', () => {
    const params = operationOf(endpoints.listUsers).parameters ?? []
    const status = params.find((p) => p.name === 'status')?.schema
    expect(status?.type).toBe('array')
    expect(status?.items?.$ref).toBe('#/components/schemas/UserStatus')
    expect(params.find((p) => p.name === 'limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 200,
      default: 50,
    })
    expect(schemaComponent('Email')).toMatchObject({ type: 'string', format: 'email' })
  })

  it('request fields with a default are optional, and carry no `default` a generator would read as required', () => {
    const invitationRow = schemaComponent('CreateInvitations').properties?.invitations?.items
    for (const name of ['groupIds', 'contactFor']) {
      expect(invitationRow?.required).not.toContain(name)
      expect(invitationRow?.properties?.[name]).not.toHaveProperty('default')
      expect(invitationRow?.properties?.[name]?.description).toContain('Defaults to `[]`')
    }
    const options = schemaComponent('ImportOptions')
    expect(options.required ?? []).toEqual([])
    expect(schemaComponent('CreateImport').required).not.toContain('options')
    // An optional property with a default, anywhere in the components: none is left.
    const offenders: string[] = []
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) {
        for (const [i, item] of node.entries()) walk(item, `${at}/${i}`)
      }
      if (typeof node !== 'object' || node === null) return
      const schema = node as Schema
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!schema.required?.includes(name) && 'default' in property) offenders.push(`${at}.${name}`)
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`)
    }
    walk(doc.components.schemas, '#/components/schemas')
    expect(offenders).toEqual([])
  })

  it('free texts document that control characters are refused', () => {
    const name = schemaComponent('CreateGroup').properties?.name
    expect(name?.pattern).toBe('^\\P{Cc}*$')
    const q = (operationOf(endpoints.listUsers).parameters ?? []).find((p) => p.name === 'q')
    expect(q?.schema?.pattern).toBe('^\\P{Cc}*$')
    expect(schemaComponent('UpdateUser').minProperties).toBe(1)
  })
})
