import { describe, expectTypeOf, it } from 'vitest'
import {
  type CreateInvitationsInput,
  createProblem,
  type ErrorCode,
  endpoints,
  type InvitationRow,
  type InvitationRowInput,
  type Permission,
  type Problem,
  type User,
  type UserStatus,
} from '../src/index'

describe('given the User type a host renders', () => {
  it('has the status union of the Status column', () => {
    expectTypeOf<User['status']>().toEqualTypeOf<'invited' | 'expired' | 'active' | 'disabled'>()
    expectTypeOf<User['status']>().toEqualTypeOf<UserStatus>()
  })

  it('has nullable optional profile fields, not undefined ones', () => {
    expectTypeOf<User['nickname']>().toEqualTypeOf<string | null>()
    expectTypeOf<User['version']>().toEqualTypeOf<number>()
  })
})

describe('given the invitation row a form fills', () => {
  it('requires first name, email and role', () => {
    expectTypeOf<InvitationRowInput['firstName']>().toEqualTypeOf<string>()
    expectTypeOf<InvitationRowInput['email']>().toEqualTypeOf<string>()
    expectTypeOf<InvitationRowInput['role']>().toEqualTypeOf<string>()
    expectTypeOf<{ firstName: 'Jean'; email: 'j@acme.fr' }>().not.toExtend<InvitationRowInput>()
  })

  it('leaves last name, phone and groups optional', () => {
    expectTypeOf<{
      firstName: 'Jean'
      email: 'j@acme.fr'
      role: 'technician'
    }>().toExtend<InvitationRowInput>()
    expectTypeOf<InvitationRowInput>().toHaveProperty('lastName').toEqualTypeOf<string | undefined>()
    expectTypeOf<InvitationRowInput>().toHaveProperty('phone').toEqualTypeOf<string | null | undefined>()
    expectTypeOf<InvitationRowInput>().toHaveProperty('groupIds').toEqualTypeOf<string[] | undefined>()
  })

  it('comes out of parsing with the defaults filled', () => {
    expectTypeOf<InvitationRow['lastName']>().toEqualTypeOf<string>()
    expectTypeOf<InvitationRow['groupIds']>().toEqualTypeOf<string[]>()
  })

  it('is what a create-invitations body holds', () => {
    expectTypeOf<CreateInvitationsInput['invitations'][number]>().toEqualTypeOf<InvitationRowInput>()
  })
})

describe('given the endpoint table the SDK and server share', () => {
  it('keeps methods, paths and flags as literals', () => {
    expectTypeOf(endpoints.getMe.method).toEqualTypeOf<'GET'>()
    expectTypeOf(endpoints.getMe.path).toEqualTypeOf<'/me'>()
    expectTypeOf(endpoints.updateUser.method).toEqualTypeOf<'PATCH'>()
    expectTypeOf(endpoints.updateUser.ifMatch).toEqualTypeOf<true>()
    expectTypeOf(endpoints.createInvitations.idempotent).toEqualTypeOf<true>()
  })
})

describe('given the permission and error code unions', () => {
  it('includes the permissions the UI checks', () => {
    expectTypeOf<'users:invite'>().toExtend<Permission>()
    expectTypeOf<'shares:manage'>().toExtend<Permission>()
    expectTypeOf<'users:fly'>().not.toExtend<Permission>()
  })

  it('includes the codes hosts switch on', () => {
    expectTypeOf<'seat_limit_reached'>().toExtend<ErrorCode>()
    expectTypeOf<'shared_mailbox_refused'>().toExtend<ErrorCode>()
    expectTypeOf<'oops'>().not.toExtend<ErrorCode>()
  })

  it('builds a Problem from a code, and only from a known one', () => {
    expectTypeOf(createProblem).returns.toEqualTypeOf<Problem>()
    expectTypeOf(createProblem).parameter(0).toEqualTypeOf<ErrorCode>()
    // @ts-expect-error an unknown code does not compile
    createProblem('oops')
  })
})
