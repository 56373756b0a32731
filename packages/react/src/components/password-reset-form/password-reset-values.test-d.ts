import type { PasswordResetConfirmInput, PasswordResetRequestInput } from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import type { ConfirmValues, RequestValues } from './password-reset-values'

describe('given the password reset forms’ values', () => {
  it('are fields of the contract’s requests, of the same types', () => {
    expectTypeOf<keyof RequestValues>().toExtend<keyof PasswordResetRequestInput>()
    expectTypeOf<RequestValues>().toExtend<PasswordResetRequestInput>()
    expectTypeOf<keyof ConfirmValues>().toExtend<keyof PasswordResetConfirmInput>()
    expectTypeOf<ConfirmValues['password']>().toEqualTypeOf<PasswordResetConfirmInput['password']>()
  })
})
