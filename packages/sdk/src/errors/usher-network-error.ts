import { brand, UsherError } from './usher-error'

/** No answer: the connection failed or the request timed out (after the retries allowed). */
export class UsherNetworkError extends UsherError {
  override name = 'UsherNetworkError' as const
  readonly reason: 'network' | 'timeout'

  constructor(reason: 'network' | 'timeout', options: { endpoint?: string; cause?: unknown } = {}) {
    super(
      reason === 'timeout' ? 'The Usher API did not answer in time.' : 'The Usher API could not be reached.',
      options,
    )
    brand(this, 'UsherNetworkError')
    this.reason = reason
  }
}
