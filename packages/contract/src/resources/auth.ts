import * as z from 'zod'
import { PASSWORD_MAX_LENGTH, type PasswordRule } from '../rules/password'
import { SessionSchema } from './invitation'
import { PasswordPolicySchema } from './organization'
import { EmailSchema, IdSchema, LocaleSchema, SecretTokenSchema, TimestampSchema } from './primitives'
import { UserSchema } from './user'

/** What can be wrong with a password: the policy's rules, then the estimator's verdict. */
export const PASSWORD_PROBLEMS = [
  'min_length',
  'max_length',
  'lowercase',
  'uppercase',
  'digit',
  'symbol',
  'contains_email',
  'contains_name',
  'too_guessable',
] as const satisfies readonly (PasswordRule | 'too_guessable')[]
export const PasswordProblemSchema = z.enum(PASSWORD_PROBLEMS)
export type PasswordProblem = z.infer<typeof PasswordProblemSchema>

/**
 * The extension members of a `password_too_weak` problem: the policy that was applied and what the
 * password broke, so a client shows the rules in its own language (the field errors' `message`s
 * are English) and the right policy even when it could not read it beforehand.
 */
export const PasswordTooWeakDetailsSchema = z
  .object({ passwordPolicy: PasswordPolicySchema, passwordProblems: z.array(PasswordProblemSchema) })
  .meta({ id: 'PasswordTooWeakDetails' })
export type PasswordTooWeakDetails = z.infer<typeof PasswordTooWeakDetailsSchema>

const OrganizationSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)

/**
 * One organization an account belongs to and can open: the person's id there (their membership)
 * and their role there. A person has one account (address, password) and a membership in each
 * organization that added them.
 */
export const MembershipSchema = z
  .object({
    userId: IdSchema,
    role: z.string(),
    organization: z.object({ id: IdSchema, name: z.string(), slug: z.string() }),
  })
  .meta({ id: 'Membership' })
export type Membership = z.infer<typeof MembershipSchema>

export const MembershipListSchema = z
  .object({ items: z.array(MembershipSchema) })
  .meta({ id: 'MembershipList' })
export type MembershipList = z.infer<typeof MembershipListSchema>

/** Which of the account's organizations the new session opens, by its slug. */
export const SwitchOrganizationSchema = z
  .object({ organization: OrganizationSlugSchema })
  .strict()
  .meta({ id: 'SwitchOrganization' })
export type SwitchOrganizationInput = z.input<typeof SwitchOrganizationSchema>

export const LoginSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    /**
     * The organization to open, for an account in several; without it the session opens the one
     * the person used last, and `memberships` lists the others to switch to.
     */
    organization: OrganizationSlugSchema.optional(),
  })
  .strict()
  .meta({ id: 'Login' })
export type LoginInput = z.input<typeof LoginSchema>

export const LoginResultSchema = z
  .object({
    session: SessionSchema,
    user: UserSchema,
    /** When true the session only allows POST /auth/password until the password is changed. */
    mustChangePassword: z.boolean(),
    /**
     * The organization's policy, for the change-password step: a must-change session can read
     * nothing else, so the rules come with the sign-in.
     */
    passwordPolicy: PasswordPolicySchema,
    /**
     * Every organization the account can open, this session's included: with more than one, the
     * person picks (POST /auth/switch answers a session for another one).
     */
    memberships: z.array(MembershipSchema),
  })
  .meta({ id: 'LoginResult' })
export type LoginResult = z.infer<typeof LoginResultSchema>

export const PasswordResetRequestSchema = z
  .object({ email: EmailSchema, organization: OrganizationSlugSchema.optional() })
  .strict()
  .meta({ id: 'PasswordResetRequest' })
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestSchema>

export const PasswordResetConfirmSchema = z
  .object({
    token: SecretTokenSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict()
  .meta({ id: 'PasswordResetConfirm' })
export type PasswordResetConfirmInput = z.input<typeof PasswordResetConfirmSchema>

export const PasswordResetLookupQuerySchema = z.object({ token: SecretTokenSchema }).strict()
export type PasswordResetLookupQuery = z.input<typeof PasswordResetLookupQuerySchema>

/**
 * What a reset link is for, for the page that sets the password: whose account, in which
 * organization, under which policy, and whether it activates an account that was only invited.
 * Only a usable link answers 200; any other is `reset_token_invalid`.
 */
export const PasswordResetLookupSchema = z
  .object({
    organization: z.object({ name: z.string() }),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    locale: LocaleSchema,
    /** True when the link activates an account whose invitation was lost (a reset link works as an activation link). */
    activation: z.boolean(),
    expiresAt: TimestampSchema,
    passwordPolicy: PasswordPolicySchema,
  })
  .meta({ id: 'PasswordResetLookup' })
export type PasswordResetLookup = z.infer<typeof PasswordResetLookupSchema>

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict()
  .meta({ id: 'ChangePassword' })
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>
