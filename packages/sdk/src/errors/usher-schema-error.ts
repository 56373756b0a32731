import type { FieldError } from '@usher/contract'
import { brand, UsherError } from './usher-error'

/**
 * The server answered 2xx with a body the contract rejects: a version skew between this SDK and the
 * server, or a host backend that does not follow the contract. `issues` says where.
 */
export class UsherSchemaError extends UsherError {
  override name = 'UsherSchemaError' as const
  readonly issues: readonly FieldError[]
  readonly status: number

  constructor(issues: readonly FieldError[], options: { endpoint?: string; status: number }) {
    const first = issues[0]
    super(
      `The response of ${options.endpoint ?? 'the request'} does not match the contract${first ? ` (${first.path || '(root)'}: ${first.message})` : ''}.`,
      options,
    )
    brand(this, 'UsherSchemaError')
    this.issues = issues
    this.status = options.status
  }
}
