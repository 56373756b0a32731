import type { CreateInvitationsInput, InvitationRowInput } from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import type { InviteFormValues, InviteRowValues, RowField } from './invite-form-schema'

describe('given the invite form’s row', () => {
  it('has a control for every field of the contract’s row but the language', () => {
    expectTypeOf<RowField>().toEqualTypeOf<Exclude<keyof InvitationRowInput, 'locale'>>()
    expectTypeOf<keyof InviteRowValues>().toEqualTypeOf<RowField>()
  })

  it('holds values the contract’s row accepts as they are', () => {
    expectTypeOf<InviteRowValues>().toExtend<InvitationRowInput>()
    expectTypeOf<InviteRowValues['salutation']>().toEqualTypeOf<'' | 'mr' | 'ms' | 'mx'>()
    expectTypeOf<InviteRowValues['groupIds']>().toEqualTypeOf<string[]>()
  })

  it('holds a request the contract accepts, rows and message', () => {
    expectTypeOf<InviteFormValues>().toExtend<Omit<CreateInvitationsInput, 'sendEmail'>>()
  })
})
