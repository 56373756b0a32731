import * as z from 'zod'
import { PASSWORD_MAX_LENGTH } from '../rules/password'
import { SessionSchema } from './invitation'
import { EmailSchema, SecretTokenSchema } from './primitives'
import { UserSchema } from './user'

const OrganizationSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)

export const LoginSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    /** Needed only when the email belongs to several organizations. */
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

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict()
  .meta({ id: 'ChangePassword' })
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>
