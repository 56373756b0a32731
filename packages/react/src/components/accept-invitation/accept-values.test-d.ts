import type { AcceptInvitationInput } from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import type { AcceptField, AcceptInvitationValues } from './accept-values'

describe('given the accept form’s values', () => {
  it('are the contract’s fields the person fills, and nothing else', () => {
    expectTypeOf<keyof AcceptInvitationValues>().toEqualTypeOf<AcceptField>()
    expectTypeOf<AcceptField>().toExtend<keyof AcceptInvitationInput>()
  })

  it('hold, but for the empty salutation, what the contract accepts', () => {
    expectTypeOf<Omit<AcceptInvitationValues, 'salutation'>>().toExtend<
      Omit<AcceptInvitationInput, 'token' | 'salutation'>
    >()
    expectTypeOf<AcceptInvitationValues['salutation']>().toEqualTypeOf<'' | 'mr' | 'ms' | 'mx'>()
  })
})
