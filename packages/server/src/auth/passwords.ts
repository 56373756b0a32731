import { hash, verify } from '@node-rs/argon2'
import {
  type PasswordProblem as ContractPasswordProblem,
  passwordProblems as contractPasswordProblems,
  passwordStrength as contractPasswordStrength,
  type FieldError,
  type PasswordContext,
  type PasswordEstimator,
  type PasswordPolicy,
  type PasswordTooWeakDetails,
} from '@usher/contract'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import * as fr from '@zxcvbn-ts/language-fr'
import { ProblemError } from '../http/problem-error'

// OWASP's Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, ARGON2)

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, so a missing account does not answer faster than a wrong password.
    await hash(password, ARGON2)
    return false
  }
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Built on first use: loading the dictionaries takes a moment and most requests never need them.
let estimator: ZxcvbnFactory | null = null
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
  })
  return estimator
}

/** zxcvbn's 0–4 score of what the contract hands it (cut and person-specific inputs are its own). */
const estimate: PasswordEstimator = (password, userInputs) =>
  getEstimator().check(password, [...userInputs]).score

/** The contract's strength score, with the server's zxcvbn and dictionaries. */
export function passwordStrength(password: string, context: PasswordContext = {}): number {
  return contractPasswordStrength(password, context, estimate)
}

export type PasswordProblem = ContractPasswordProblem

/** The contract's `passwordProblems` with the server's estimator: rules broken, then strength. */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): PasswordProblem[] {
  return contractPasswordProblems(password, policy, context, estimate)
}

const MESSAGES: Record<PasswordProblem, (policy: PasswordPolicy) => string> = {
  min_length: (p) => `At least ${p.minLength} characters.`,
  max_length: () => 'Too long.',
  lowercase: () => 'Needs a lowercase letter.',
  uppercase: () => 'Needs an uppercase letter.',
  digit: () => 'Needs a digit.',
  symbol: () => 'Needs a symbol.',
  contains_email: () => 'Must not contain your email address.',
  contains_name: () => 'Must not contain your name.',
  too_guessable: () => 'Too easy to guess: add words or characters.',
}

/** The field errors for a password that fails the policy, on `path`. */
export function passwordFieldErrors(
  problems: readonly PasswordProblem[],
  policy: PasswordPolicy,
  path: string,
): FieldError[] {
  return problems.map((problem) => ({ path, code: 'password_too_weak', message: MESSAGES[problem](policy) }))
}

/**
 * 422 `password_too_weak`: a field error per problem (English `message`s for logs and API users),
 * and the policy applied with the problems' codes, for clients that show them in their language.
 */
export function passwordTooWeak(
  problems: readonly PasswordProblem[],
  policy: PasswordPolicy,
  path: string,
): ProblemError {
  const details: PasswordTooWeakDetails = { passwordPolicy: policy, passwordProblems: [...problems] }
  return new ProblemError('password_too_weak', {
    errors: passwordFieldErrors(problems, policy, path),
    ...details,
  })
}
