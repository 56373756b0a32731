import type { UpdateUserInput } from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import type { EditUserField, EditUserFormValues } from './edit-user-values'

describe('given the edit dialog’s values', () => {
  it('are the fields of the contract’s update, every one of them', () => {
    expectTypeOf<keyof EditUserFormValues>().toEqualTypeOf<keyof UpdateUserInput>()
    expectTypeOf<EditUserField>().toEqualTypeOf<keyof UpdateUserInput>()
  })

  it('hold what the contract’s update accepts as it is', () => {
    expectTypeOf<EditUserFormValues>().toExtend<UpdateUserInput>()
    expectTypeOf<EditUserFormValues['locale']>().toEqualTypeOf<'en' | 'fr'>()
    expectTypeOf<EditUserFormValues['salutation']>().toEqualTypeOf<'' | 'mr' | 'ms' | 'mx'>()
    expectTypeOf<EditUserFormValues['assignedAgentId']>().toEqualTypeOf<string | null>()
  })
})
