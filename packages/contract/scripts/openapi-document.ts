/**
 * Builds Usher's OpenAPI 3.1 document from the contract: `endpoints` (routes, auth, schemas, errors),
 * `ERROR_CODES`, `ProblemSchema` and `HEADERS`. `write-openapi.ts` writes it to `openapi.json`; the
 * test checks the written file matches this function's output.
 */
import { z } from 'zod'
import type { oas31 } from 'zod-openapi'
import {
  createDocument,
  type ZodObjectInput,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiOverride,
  type ZodOpenApiParameters,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi'
import pkg from '../package.json' with { type: 'json' }
import {
  COMMON_ERRORS,
  EmailSchema,
  type EndpointDefinition,
  ERROR_CODES,
  type ErrorCode,
  endpoints,
  errorCodes,
  HEADERS,
  IDEMPOTENCY_TTL_HOURS,
  IdempotencyKeySchema,
  PasswordTooWeakDetailsSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  problemType,
  requiresActivatedTeam,
  UpdateGroupSchema,
  UpdateOrganizationSchema,
  UpdateUserSchema,
} from '../src/index'

export type OpenApiDocument = oas31.OpenAPIObject

const SECURITY_SCHEME = 'bearerAuth'

/** Codes a public endpoint never answers with: there is no token to check, nor a caller. */
const TOKEN_ERRORS: readonly ErrorCode[] = [
  'unauthenticated',
  'token_expired',
  'account_disabled',
  'account_not_activated',
  'password_change_required',
]

/** Codes about a member's session, which a pipeline token never has (it is unknown or revoked: 401). */
const MEMBER_ERRORS: readonly ErrorCode[] = [
  'token_expired',
  'account_disabled',
  'account_not_activated',
  'password_change_required',
]

/** What the server answers before a body reaches its schema: not JSON, too large, another type. */
const BODY_ERRORS: readonly ErrorCode[] = ['invalid_json', 'payload_too_large', 'unsupported_media_type']

const TAGS: Record<EndpointDefinition['tag'], string> = {
  me: 'The caller: who they are and what they may do.',
  organization: 'The organization (team): activation and settings.',
  users: 'The members of the organization.',
  invitations: 'Invitations: sending, resending, revoking, and the public accept flow.',
  groups: 'Groups (nested) that users belong to and that are shared with them.',
  shares: 'Which groups are shared with which users, with what permission.',
  roles: 'Roles and the permissions they grant.',
  imports: 'Importing users from files, in chunks, with a per-row report.',
  audit: 'The audit log.',
  auth: 'Built-in sign-in, for hosts that do not sign tokens themselves.',
  meta: 'About the API itself.',
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const DESCRIPTION = `The HTTP API of Usher, the user management module: users, invitations, groups, shares, roles,
imports and the audit log of one organization. It is mounted by the host under a prefix of its choice,
so every path here is relative to that prefix.

## Conventions

- **Authentication.** \`Authorization: Bearer <token>\`: a short-lived JWT the host backend signs for its
  signed-in user (or one the built-in sign-in issues). Operations marked \`security: []\` are public.
  \`x-usher-permission\` on each operation names what the caller needs: \`public\`, \`authenticated\`
  (any signed-in member; the handler may narrow it further) or a permission such as \`users:update\`.
- **Tenant scoping.** Every request is scoped to the caller's organization. An id that belongs to another
  organization answers \`404 not_found\`, exactly like an id that does not exist: nothing leaks.
- **Pagination.** Lists are keyset-paginated: \`?limit=&cursor=\` answers \`{ items, nextCursor }\`. Pass
  \`nextCursor\` back as \`cursor\` for the next page; it is \`null\` on the last page. Search, filters and
  sort are query parameters. Query lists accept \`?status=a&status=b\` or \`?status=a,b\`.
- **Errors.** Every error is \`${PROBLEM_CONTENT_TYPE}\` (RFC 9457) with a stable \`code\` to switch on
  (the full list, with statuses and titles, is the \`ErrorCode\` schema and \`x-usher-error-codes\`).
  Validation failures (\`422 validation_failed\`) carry \`errors[{ path, code, message }]\`, one per field.
  \`429\` and \`503\` carry \`Retry-After\`.
- **Versions.** Versioned resources carry a \`version\` and answer an \`ETag\`. Updates require
  \`If-Match: "<version>"\`: a stale version answers \`412 version_mismatch\`, a missing one
  \`428 precondition_required\`.
- **Idempotency.** Creating writes (invitations, imports, groups, bulk actions) accept an
  \`Idempotency-Key\`: a replay within ${IDEMPOTENCY_TTL_HOURS} hours answers the first response again; the
  same key with another body answers \`422 idempotency_key_reused\`.
- **Batches.** Batch writes answer one result per item, in the request's order; a failing item does not
  stop the others.
`

const errorCodesTable = [
  'A stable problem code. Hosts may switch on it; adding one is a minor change, renaming or removing one a breaking change.',
  '',
  '| code | status | title |',
  '|---|---|---|',
  ...errorCodes.map((code) => `| \`${code}\` | ${ERROR_CODES[code].status} | ${ERROR_CODES[code].title} |`),
].join('\n')

const errorCodesExtension = Object.fromEntries(
  errorCodes.map((code) => [code, { ...ERROR_CODES[code], type: problemType(code) }]),
)

// If-Match compares strongly (RFC 9110 §13.1.1): a weak tag can never match, so the server
// refuses `W/"7"` with 428 and the pattern says so.
const ifMatchHeader = z
  .string()
  .regex(/^"\d{1,15}"$|^\d{1,15}$/)
  .meta({
    description:
      'The version of the resource you read, as a strong entity tag (`"7"`, as its `ETag` answered, or the `version` of the body). A stale version answers 412 `version_mismatch`; without the header, or with a weak tag (`W/"7"`, which never matches), the update answers 428 `precondition_required`.',
    example: '"7"',
  })

const idempotencyKeyHeader = IdempotencyKeySchema.meta({
  description: `Makes the request safe to retry: a replay with the same key within ${IDEMPOTENCY_TTL_HOURS} hours answers the first response; the same key with another body answers 422 \`idempotency_key_reused\`.`,
  example: '3f1c0a4e-5b1d-4f0e-9d47-2a7b0c9e6f18',
})

const etagHeader = z.string().meta({
  description: "The resource's version as an entity tag; send it back in `If-Match` to update.",
  example: '"7"',
})

const contentDispositionHeader = z.string().meta({
  description: 'The file name to save the download as.',
  example: 'attachment; filename="acme-members-2026-12-01.csv"',
})

const retryAfterHeader = z
  .string()
  .regex(/^\d+$/)
  .meta({ description: 'Seconds to wait before retrying.', example: '30' })

function asObject(schema: z.ZodType | undefined, what: string, name: string): ZodObjectInput | undefined {
  if (schema === undefined) return undefined
  if (!(schema instanceof z.ZodObject)) throw new TypeError(`${name}: the ${what} schema must be a z.object`)
  return schema as ZodObjectInput
}

function authDescription(auth: EndpointDefinition['auth']): string {
  if (auth === 'public') return 'Public: no token needed.'
  if (auth === 'authenticated') return 'Any signed-in member.'
  if (auth === 'inbound-email-token') {
    return 'A bearer token of the organization’s mail pipeline (created under `/inbound-email/tokens`), not a member’s session.'
  }
  return `Needs the \`${auth}\` permission.`
}

/**
 * The codes an endpoint may answer with: its own, what its request's parts bring (a body: not
 * JSON, too large, another media type; any parameter, query or body: invalid fields; If-Match:
 * missing or stale; a write that manages people: the team not activated), then the common ones
 * (minus the caller's when public).
 */
export function endpointErrorCodes(endpoint: EndpointDefinition): ErrorCode[] {
  const common =
    endpoint.auth === 'public'
      ? COMMON_ERRORS.filter((c) => !TOKEN_ERRORS.includes(c))
      : endpoint.auth === 'inbound-email-token'
        ? COMMON_ERRORS.filter((c) => !MEMBER_ERRORS.includes(c))
        : COMMON_ERRORS
  const derived: ErrorCode[] = [
    ...(endpoint.params || endpoint.query || endpoint.body ? (['validation_failed'] as const) : []),
    // Managing people before the team is named (the contract's activation rule).
    ...(requiresActivatedTeam(endpoint) ? (['team_not_activated'] as const) : []),
    ...(endpoint.body ? BODY_ERRORS : []),
    ...(endpoint.ifMatch ? (['precondition_required', 'version_mismatch'] as const) : []),
  ]
  return [...new Set<ErrorCode>([...endpoint.errors, ...derived, ...common])]
}

function errorResponses(codes: readonly ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of codes) {
    const { status } = ERROR_CODES[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  const responses: ZodOpenApiResponsesObject = {}
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status) ?? []
    responses[`${status}` as `${4 | 5}${string}`] = {
      description: [
        `${STATUS_TEXT[status] ?? 'Error'}: \`${list.join('`, `')}\`.`,
        '',
        ...list.map((code) => `- \`${code}\`: ${ERROR_CODES[code].title}`),
        ...(list.includes('password_too_weak')
          ? [
              '',
              '`password_too_weak` adds `passwordPolicy` and `passwordProblems` (see PasswordTooWeakDetails).',
            ]
          : []),
      ].join('\n'),
      ...(status === 429 || status === 503
        ? { headers: z.object({ [HEADERS.retryAfter]: retryAfterHeader.optional() }) }
        : {}),
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          // password_too_weak's extension members: the policy applied and the problems' codes.
          schema: list.includes('password_too_weak')
            ? ProblemSchema.and(PasswordTooWeakDetailsSchema.partial().loose())
            : ProblemSchema,
        },
      },
    }
  }
  return responses
}

function operation(name: string, endpoint: EndpointDefinition): ZodOpenApiOperationObject {
  const header: Record<string, z.ZodType> = {}
  if (endpoint.ifMatch) header[HEADERS.ifMatch] = ifMatchHeader
  if (endpoint.idempotent) header[HEADERS.idempotencyKey] = idempotencyKeyHeader.optional()

  const requestParams: ZodOpenApiParameters = {}
  const path = asObject(endpoint.params, 'params', name)
  const query = asObject(endpoint.query, 'query', name)
  if (path) requestParams.path = path
  if (query) requestParams.query = query
  if (Object.keys(header).length > 0) requestParams.header = z.object(header)

  const { status, schema, file } = endpoint.success
  return {
    operationId: name,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: [endpoint.description, authDescription(endpoint.auth)].filter(Boolean).join('\n\n'),
    ...(endpoint.auth === 'public' ? { security: [] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: endpoint.body },
              ...(endpoint.rawBody
                ? { [endpoint.rawBody.contentType]: { schema: { type: 'string' as const } } }
                : {}),
            },
          },
        }
      : {}),
    responses: {
      [`${status}`]: {
        description: STATUS_TEXT[status] ?? 'Success',
        ...(endpoint.ifMatch ? { headers: z.object({ [HEADERS.etag]: etagHeader }) } : {}),
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
        ...(file
          ? {
              description: file.description,
              headers: z.object({ 'Content-Disposition': contentDispositionHeader }),
              content: { [file.contentType]: { schema: { type: 'string' as const } } },
            }
          : {}),
      },
      ...errorResponses(endpointErrorCodes(endpoint)),
    },
    'x-usher-permission': endpoint.auth,
  }
}

/** `GET /openapi.json`: served by the API itself, not part of `endpoints`. */
const getOpenApi: EndpointDefinition = {
  method: 'GET',
  path: '/openapi.json',
  tag: 'meta',
  summary: 'This OpenAPI 3.1 document.',
  auth: 'public',
  success: { status: 200 },
  errors: [],
}

/** Update bodies refuse `{}` with a `.refine`, which JSON Schema cannot see; `minProperties` says the same. */
const NON_EMPTY_PATCHES = new Set<unknown>([UpdateUserSchema, UpdateGroupSchema, UpdateOrganizationSchema])

/**
 * What zod's JSON Schema conversion cannot infer from the contract's schemas:
 * - `EmailSchema` trims, then pipes into `z.email()`, then normalises. Its input is the pipe's first
 *   half (a string of at most 254), which loses the email format the second half checks.
 * - the update bodies' "nothing to update" refinement.
 */
const representUnrepresentable: ZodOpenApiOverride = ({ jsonSchema, zodSchema, io }) => {
  if (io !== 'input') return
  if (zodSchema === EmailSchema) jsonSchema.format = 'email'
  if (NON_EMPTY_PATCHES.has(zodSchema)) jsonSchema.minProperties = 1
}

type JsonNode = { [key: string]: unknown }
const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null

/**
 * A request field with a default may be left out: it is not `required`. Client generators read a
 * property's `default` as "always present" (openapi-typescript types it required outside inline
 * bodies), so an optional field's default moves into its description. Response schemas keep
 * theirs: there a defaulted field is required, and always present.
 */
function optionalDefaultsAsText(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) optionalDefaultsAsText(item)
    return
  }
  if (!isNode(node)) return
  const properties = node.properties
  if (isNode(properties)) {
    const required = new Set(Array.isArray(node.required) ? node.required : [])
    for (const [name, property] of Object.entries(properties)) {
      if (required.has(name) || !isNode(property) || !('default' in property)) continue
      const text = `Defaults to \`${JSON.stringify(property.default)}\` when left out.`
      delete property.default
      property.description = property.description ? `${property.description} ${text}` : text
    }
  }
  for (const value of Object.values(node)) optionalDefaultsAsText(value)
}

export function createOpenApiDocument(): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {}
  const all: [string, EndpointDefinition][] = [...Object.entries(endpoints), ['getOpenApi', getOpenApi]]
  for (const [name, endpoint] of all) {
    const item = paths[endpoint.path] ?? {}
    const method = endpoint.method.toLowerCase() as Lowercase<EndpointDefinition['method']>
    if (item[method]) throw new Error(`${name}: ${endpoint.method} ${endpoint.path} is defined twice`)
    item[method] = operation(name, endpoint)
    paths[endpoint.path] = item
  }
  const openApiOperation = paths['/openapi.json']?.get
  const ok = openApiOperation?.responses['200']
  if (ok && !('$ref' in ok)) {
    ok.content = {
      'application/json': {
        schema: {
          type: 'object',
          description: 'The OpenAPI 3.1 document.',
          externalDocs: { url: 'https://spec.openapis.org/oas/v3.1.0' },
        },
      },
    }
  }

  const tags = [...new Set(all.map(([, endpoint]) => endpoint.tag))]
  const input: ZodOpenApiObject = {
    openapi: '3.1.0',
    info: {
      title: 'Usher API',
      version: pkg.version,
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'mounted under the host prefix' }],
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: tags.map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A short-lived JWT the host backend signs for its signed-in user (or the built-in sign-in's session token).",
        },
      },
    },
    'x-usher-error-codes': errorCodesExtension,
  }
  const doc = createDocument(input, { override: representUnrepresentable })
  optionalDefaultsAsText(doc.components?.schemas)
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      if (isNode(op) && isNode(op.requestBody)) optionalDefaultsAsText(op.requestBody)
    }
  }
  const errorCode = doc.components?.schemas?.ErrorCode
  if (errorCode && !('$ref' in errorCode)) errorCode.description = errorCodesTable
  return doc
}
