import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import { ProblemError } from '../http/problem-error'

/** What a verified bearer token says: who (`sub`, a user id) in which organization (`org`). */
export interface TokenClaims {
  userId: string
  orgId: string
  /** Set on sessions the built-in sign-in issued: their epoch must match the user's. */
  session: { epoch: number } | null
}

export interface TokenVerifier {
  verify(token: string): Promise<TokenClaims>
  /** Signs a built-in session; null when no secret is configured. */
  sign:
    | ((claims: { userId: string; orgId: string; epoch: number }, ttlSeconds: number) => Promise<string>)
    | null
}

const ISSUER_BUILTIN = 'usher'

export function createTokenVerifier(options: {
  secret: string | undefined
  jwksUrl: string | undefined
  issuer: string | undefined
  audience: string | undefined
  now: () => Date
}): TokenVerifier {
  const key = options.secret ? new TextEncoder().encode(options.secret) : null
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null

  const claimsOf = (payload: JWTPayload): TokenClaims => {
    const org = (payload as { org?: unknown }).org
    if (typeof payload.sub !== 'string' || typeof org !== 'string' || !payload.sub || !org) {
      throw new ProblemError('unauthenticated', { detail: 'The token needs the claims "sub" and "org".' })
    }
    const epoch = (payload as { sep?: unknown }).sep
    const session = payload.iss === ISSUER_BUILTIN && typeof epoch === 'number' ? { epoch } : null
    return { userId: payload.sub, orgId: org, session }
  }

  return {
    async verify(token) {
      const currentDate = options.now()
      try {
        // Built-in sessions first (our own issuer, our secret); then the host's tokens.
        if (key) {
          try {
            const { payload } = await jwtVerify(token, key, {
              algorithms: ['HS256'],
              currentDate,
              issuer: ISSUER_BUILTIN,
            })
            return claimsOf(payload)
          } catch (error) {
            if (!(error instanceof joseErrors.JWTClaimValidationFailed) || error.claim !== 'iss') throw error
          }
          if (!jwks) {
            const { payload } = await jwtVerify(token, key, {
              algorithms: ['HS256'],
              currentDate,
              ...(options.issuer ? { issuer: options.issuer } : {}),
              ...(options.audience ? { audience: options.audience } : {}),
            })
            return claimsOf(payload)
          }
        }
        if (jwks) {
          const { payload } = await jwtVerify(token, jwks, {
            currentDate,
            ...(options.issuer ? { issuer: options.issuer } : {}),
            ...(options.audience ? { audience: options.audience } : {}),
          })
          return claimsOf(payload)
        }
      } catch (error) {
        if (error instanceof ProblemError) throw error
        if (error instanceof joseErrors.JWTExpired) throw new ProblemError('token_expired')
        throw new ProblemError('unauthenticated', { detail: 'The bearer token is not valid.' })
      }
      throw new ProblemError('unauthenticated', {
        detail: 'The server has no key to verify tokens (set USHER_JWT_SECRET or USHER_JWKS_URL).',
      })
    },
    sign: key
      ? async ({ userId, orgId, epoch }, ttlSeconds) => {
          const now = Math.floor(options.now().getTime() / 1000)
          return new SignJWT({ org: orgId, sep: epoch })
            .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
            .setIssuer(ISSUER_BUILTIN)
            .setSubject(userId)
            .setIssuedAt(now)
            .setExpirationTime(now + ttlSeconds)
            .sign(key)
        }
      : null,
  }
}

/**
 * Signs a token the way a host backend would for its signed-in user (HS256, `sub` and `org`).
 * For hosts, demos and tests.
 * @example await signHostToken({ secret, userId: me.id, orgId: org.id })
 */
export async function signHostToken(input: {
  secret: string
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
