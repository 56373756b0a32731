/**
 * The organization's password policy and its checks. The strength score (`minStrength`, 0–4 on
 * zxcvbn's scale) needs an estimator and its dictionaries, which this package does not carry: the
 * server and the forms each pass theirs to `passwordProblems`, fed with the same inputs
 * (`passwordEstimatorInputs`), so a meter and the server agree.
 */
export interface PasswordPolicy {
  minLength: number
  requireLowercase: boolean
  requireUppercase: boolean
  requireDigit: boolean
  requireSymbol: boolean
  minStrength: 0 | 1 | 2 | 3 | 4
  /** A password set by an administrator must be changed at the next sign-in. */
  forceChangeAfterAdminSet: boolean
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  requireLowercase: false,
  requireUppercase: false,
  requireDigit: false,
  requireSymbol: false,
  minStrength: 2,
  forceChangeAfterAdminSet: true,
}

/** Hard cap: a password hash must not be a way to make the server burn CPU. */
export const PASSWORD_MAX_LENGTH = 256

export type PasswordRule =
  | 'min_length'
  | 'max_length'
  | 'lowercase'
  | 'uppercase'
  | 'digit'
  | 'symbol'
  | 'contains_email'
  | 'contains_name'

export interface PasswordContext {
  email?: string
  names?: readonly string[]
}

/** The rules `password` breaks, in the policy's order (empty when it passes). */
export function passwordRulesBroken(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): PasswordRule[] {
  const broken: PasswordRule[] = []
  const length = [...password].length
  if (length < policy.minLength) broken.push('min_length')
  if (length > PASSWORD_MAX_LENGTH) broken.push('max_length')
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) broken.push('lowercase')
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) broken.push('uppercase')
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) broken.push('digit')
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}\s]/u.test(password)) broken.push('symbol')
  const lower = password.toLowerCase()
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 3 && lower.includes(local)) broken.push('contains_email')
  if (context.names?.some((n) => n.length >= 3 && lower.includes(n.toLowerCase())))
    broken.push('contains_name')
  return broken
}

/** The estimator reads only this many characters: the same on every side, so the scores agree. */
export const PASSWORD_ESTIMATE_MAX_LENGTH = 100

/** A 0–4 strength estimator (zxcvbn's `check(password, userInputs).score`). */
export type PasswordEstimator = (password: string, userInputs: readonly string[]) => number

/** What an estimator counts as guessable from the person: their names and the parts of their address. */
export function passwordEstimatorInputs(context: PasswordContext): string[] {
  return [...(context.names ?? []), ...(context.email ? context.email.split(/[@.]/) : [])].filter(Boolean)
}

/** The 0–4 score of `password` for this person, as every side computes it. */
export function passwordStrength(
  password: string,
  context: PasswordContext,
  estimate: PasswordEstimator,
): number {
  return estimate(password.slice(0, PASSWORD_ESTIMATE_MAX_LENGTH), passwordEstimatorInputs(context))
}

/**
 * What is wrong with a password under the policy: the rules it breaks, else `too_guessable` when
 * it scores below `minStrength`; empty when it passes.
 */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
  estimate: PasswordEstimator,
): Array<PasswordRule | 'too_guessable'> {
  const problems: Array<PasswordRule | 'too_guessable'> = passwordRulesBroken(password, policy, context)
  if (
    problems.length === 0 &&
    policy.minStrength > 0 &&
    passwordStrength(password, context, estimate) < policy.minStrength
  ) {
    problems.push('too_guessable')
  }
  return problems
}
