import { type ScimPatchOperation, scimPatch } from 'scim-patch'
import { ScimError } from './errors'

/** RFC 7644 §3.5.2: the PatchOp message. */
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax')

/**
 * The operations of a PATCH body. Entra writes `op` capitalized ("Replace", "Add"), which RFC 7644
 * asks servers to accept (operation names are case-insensitive): they are lowercased here, before
 * scim-patch applies them.
 */
export function readPatchOperations(body: unknown): ScimPatchOperation[] {
  if (typeof body !== 'object' || body === null) throw invalidSyntax('The body must be a PatchOp message.')
  const message = body as Record<string, unknown>
  const key = Object.keys(message).find((k) => k.toLowerCase() === 'operations')
  const operations = key === undefined ? undefined : message[key]
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('A PatchOp needs a non-empty "Operations" list.')
  }
  return operations.map((operation, index) => {
    if (typeof operation !== 'object' || operation === null)
      throw invalidSyntax(`Operations[${index}] is not an object.`)
    const { op, path, value } = operation as { op?: unknown; path?: unknown; value?: unknown }
    const name = typeof op === 'string' ? op.toLowerCase() : ''
    if (name !== 'add' && name !== 'replace' && name !== 'remove') {
      throw invalidSyntax(`Operations[${index}].op must be add, replace or remove.`)
    }
    if (path !== undefined && typeof path !== 'string')
      throw new ScimError(400, `Operations[${index}].path must be a string.`, 'invalidPath')
    if (name === 'remove' && !path) {
      throw new ScimError(400, `Operations[${index}]: a remove needs a path.`, 'noTarget')
    }
    if (name !== 'remove' && value === undefined) {
      throw new ScimError(400, `Operations[${index}]: an ${name} needs a value.`, 'invalidValue')
    }
    return {
      op: name,
      ...(path ? { path } : {}),
      ...(value !== undefined ? { value } : {}),
    } as ScimPatchOperation
  })
}

/** The resource after the operations, by scim-patch (value paths, members filters, no-path ops). */
export function applyPatch<T extends Record<string, unknown>>(
  resource: T,
  operations: ScimPatchOperation[],
): T {
  try {
    // scim-patch changes the object it is given: hand it a copy.
    return scimPatch(structuredClone(resource) as never, operations) as unknown as T
  } catch (error) {
    const name = error instanceof Error ? error.constructor.name : ''
    const message = error instanceof Error ? error.message : String(error)
    if (/NoTarget|TargetNotFound|OnEmptyArray/.test(name)) throw new ScimError(400, message, 'noTarget')
    if (/path/i.test(message)) throw new ScimError(400, message, 'invalidPath')
    throw new ScimError(400, message, 'invalidValue')
  }
}
