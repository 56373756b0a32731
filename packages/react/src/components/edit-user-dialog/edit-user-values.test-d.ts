import type { UpdateUserInput } from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import type { EditUserField, EditUserFormValues } from './edit-user-values'

describe('given the edit dialog’s values', () => {
  it('are fields of the contract’s update, every one of them but the assigned agent', () => {
    expectTypeOf<keyof EditUserFormValues>().toExtend<keyof UpdateUserInput>()
    expectTypeOf<EditUserField>().toEqualTypeOf<Exclude<keyof UpdateUserInput, 'assignedAgentId'>>()
  })

  it('hold what the contract’s update accepts as it is', () => {
    expectTypeOf<EditUserFormValues>().toExtend<UpdateUserInput>()
    expectTypeOf<EditUserFormValues['locale']>().toEqualTypeOf<'en' | 'fr'>()
    expectTypeOf<EditUserFormValues['salutation']>().toEqualTypeOf<'' | 'mr' | 'ms' | 'mx'>()
  })
})
