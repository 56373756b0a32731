import { createSecretKey } from 'node:crypto'
import {
  createRemoteJWKSet,
  decodeJwt,
  type JWTPayload,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose'
import { ProblemError } from '../http/problem-error'

/**
 * What a verified bearer token says: who (`sub`) in which organization (`org`). `sub` names the
 * person's account (the same in every organization); a membership's id (a user id) is accepted
 * too, the form tokens had before accounts were apart from memberships.
 */
export interface TokenClaims {
  subject: string
  orgId: string
  /** Set on sessions the built-in sign-in issued: their epoch must match the account's. */
  session: { epoch: number } | null
}

export interface TokenVerifier {
  verify(token: string): Promise<TokenClaims>
  /** Signs a built-in session; null when no secret is configured. */
  sign:
    | ((claims: { accountId: string; orgId: string; epoch: number }, ttlSeconds: number) => Promise<string>)
    | null
}

const ISSUER_BUILTIN = 'usher'

/** Default of `auth.maxTokenLifetimeSeconds`: a host token may live at most one hour. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 3600
/** Default of `auth.clockSkewSeconds`: how far ahead of ours the host's clock may run. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60

export function createTokenVerifier(options: {
  secret: string | undefined
  jwksUrl: string | undefined
  issuer: string | undefined
  audience: string | undefined
  now: () => Date
  /** Longest lifetime of a host token (`exp - iat`, and `exp - now`). */
  maxLifetimeSeconds?: number
  /** Tolerance for a host clock ahead of ours, on `iat` and on the lifetime. */
  clockSkewSeconds?: number
}): TokenVerifier {
  // A KeyObject made once: given raw bytes, jose would import the key again for every token.
  const key = options.secret ? createSecretKey(Buffer.from(options.secret, 'utf8')) : null
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS
  // Every token must say when it ends: a token without `exp` would be a key for life.
  const required = { requiredClaims: ['exp'] }

  const claimsOf = (payload: JWTPayload): TokenClaims => {
    const org = (payload as { org?: unknown }).org
    if (typeof payload.sub !== 'string' || typeof org !== 'string' || !payload.sub || !org) {
      throw new ProblemError('unauthenticated', { detail: 'The token needs the claims "sub" and "org".' })
    }
    const epoch = (payload as { sep?: unknown }).sep
    const session = payload.iss === ISSUER_BUILTIN && typeof epoch === 'number' ? { epoch } : null
    return { subject: payload.sub, orgId: org, session }
  }

  /**
   * A host token is short-lived: a leaked one must not open the API for a day. Built-in sessions
   * are ours, with their own lifetime (`sessionTtlSeconds`), and skip this.
   */
  const checkLifetime = (payload: JWTPayload) => {
    const now = Math.floor(options.now().getTime() / 1000)
    const exp = payload.exp as number // required above
    const iat = payload.iat
    if (iat !== undefined && iat > now + skew) {
      throw new ProblemError('unauthenticated', { detail: 'The token is issued in the future ("iat").' })
    }
    if ((iat !== undefined && exp - iat > maxLifetime) || exp - now > maxLifetime + skew) {
      throw new ProblemError('unauthenticated', {
        detail: `The token lives longer than the ${maxLifetime} seconds the server allows ("exp").`,
      })
    }
  }
  const hostClaimsOf = (payload: JWTPayload): TokenClaims => {
    const claims = claimsOf(payload)
    checkLifetime(payload)
    return claims
  }

  /**
   * Tokens verified with the shared secret, until they expire: a client sends one token with every
   * request of its lifetime, and the same HMAC over the same bytes gives the same answer, so the
   * signature is checked once per token and process. The key is the whole token (signature
   * included); the times (`exp`, `nbf`, `iat` and the lifetime) are checked again at each use. Not
   * for JWKS tokens: a key the host withdraws must stop its tokens at once.
   */
  const verified = new Map<string, { payload: JWTPayload; claims: TokenClaims; host: boolean }>()
  const VERIFIED_MAX = 10_000
  const remember = (token: string, payload: JWTPayload, host: boolean): TokenClaims => {
    const claims = host ? hostClaimsOf(payload) : claimsOf(payload)
    if (verified.size >= VERIFIED_MAX) verified.clear()
    verified.set(token, { payload, claims, host })
    return claims
  }
  const stillValid = (payload: JWTPayload) => {
    const now = Math.floor(options.now().getTime() / 1000)
    return (payload.exp as number) > now && (payload.nbf === undefined || payload.nbf <= now)
  }

  return {
    async verify(token) {
      const known = verified.get(token)
      if (known && stillValid(known.payload)) {
        if (known.host) checkLifetime(known.payload)
        return known.claims
      }
      if (known) verified.delete(token)
      const currentDate = options.now()
      try {
        // A built-in session (our own issuer, our secret) or the host's token: the unverified
        // issuer only picks which check the token must pass, so each token is verified once.
        if (key) {
          if (decodeJwt(token).iss === ISSUER_BUILTIN) {
            const { payload } = await jwtVerify(token, key, {
              algorithms: ['HS256'],
              currentDate,
              issuer: ISSUER_BUILTIN,
              ...required,
            })
            return remember(token, payload, false)
          }
          if (!jwks) {
            const { payload } = await jwtVerify(token, key, {
              algorithms: ['HS256'],
              currentDate,
              ...required,
              ...(options.issuer ? { issuer: options.issuer } : {}),
              ...(options.audience ? { audience: options.audience } : {}),
            })
            return remember(token, payload, true)
          }
        }
        if (jwks) {
          const { payload } = await jwtVerify(token, jwks, {
            currentDate,
            ...required,
            ...(options.issuer ? { issuer: options.issuer } : {}),
            ...(options.audience ? { audience: options.audience } : {}),
          })
          return hostClaimsOf(payload)
        }
      } catch (error) {
        if (error instanceof ProblemError) throw error
        if (error instanceof joseErrors.JWTExpired) throw new ProblemError('token_expired')
        if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === 'missing') {
          throw new ProblemError('unauthenticated', { detail: `The token needs the claim "${error.claim}".` })
        }
        throw new ProblemError('unauthenticated', { detail: 'The bearer token is not valid.' })
      }
      throw new ProblemError('unauthenticated', {
        detail: 'The server has no key to verify tokens (set USHER_JWT_SECRET or USHER_JWKS_URL).',
      })
    },
    sign: key
      ? async ({ accountId, orgId, epoch }, ttlSeconds) => {
          const now = Math.floor(options.now().getTime() / 1000)
          return new SignJWT({ org: orgId, sep: epoch })
            .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
            .setIssuer(ISSUER_BUILTIN)
            .setSubject(accountId)
            .setIssuedAt(now)
            .setExpirationTime(now + ttlSeconds)
            .sign(key)
        }
      : null,
  }
}

/**
 * Signs a token the way a host backend would for its signed-in user (HS256, `sub` and `org`).
 * `userId` is what `sub` carries: the person's account id, or their id in the organization.
 * For hosts, demos and tests.
 * @example await signHostToken({ secret, userId: me.id, orgId: org.id })
 */
export async function signHostToken(input: {
  secret: string
  /** The account id (`accountId` of GET /me's user) or the person's user id in `orgId`. */
  userId: string
  orgId: string
  expiresInSeconds?: number
  issuer?: string
  audience?: string
  now?: Date
}): Promise<string> {
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000)
  let jwt = new SignJWT({ org: input.orgId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + (input.expiresInSeconds ?? 900))
  if (input.issuer) jwt = jwt.setIssuer(input.issuer)
  if (input.audience) jwt = jwt.setAudience(input.audience)
  return jwt.sign(new TextEncoder().encode(input.secret))
}
