import { describe, expect, it } from 'vitest'
import {
  CreateGroupSchema,
  CreateInvitationsSchema,
  ListUsersQuerySchema,
  textSchema,
  toFieldErrors,
  UpdateUserSchema,
} from '../src/index'

const fieldErrors = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  result.success ? [] : toFieldErrors((result.error?.issues ?? []) as Parameters<typeof toFieldErrors>[0])

describe('free texts refuse control characters', () => {
  const oneLine = textSchema({ max: 100 })
  const lines = textSchema({ max: 100, lineBreaks: true })

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b'],
    ['delete', '\u007f'],
    ['C1 next line', '\u0085'],
    ['C1 control sequence introducer', '\u009b'],
  ])('%s, in one line or several', (_, char) => {
    for (const schema of [oneLine, lines]) {
      expect(fieldErrors(schema.safeParse(`Jean${char}ne`))).toEqual([
        { path: '', code: 'control_character', message: expect.any(String) },
      ])
    }
  })

  it('tab and line breaks only where a text has several lines', () => {
    for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(fieldErrors(oneLine.safeParse(text))[0]?.code).toBe('control_character')
      expect(lines.parse(text)).toBe(text)
    }
  })

  it('surrounding white space is trimmed before the check, and letters of any script pass', () => {
    expect(oneLine.parse('  Chef d’équipe\n')).toBe('Chef d’équipe')
    expect(oneLine.parse('مهندس')).toBe('مهندس')
    // Format characters are not control characters: a zero-width joiner stays.
    expect(oneLine.parse('क्‍ष')).toBe('क्‍ष')
  })

  it('the search term, a group name, a person’s name and a note answer on their own path', () => {
    expect(fieldErrors(ListUsersQuerySchema.safeParse({ q: 'du\u0000' }))).toMatchObject([
      { path: 'q', code: 'control_character' },
    ])
    expect(fieldErrors(CreateGroupSchema.safeParse({ name: 'Nord\u0000' }))).toMatchObject([
      { path: 'name', code: 'control_character' },
    ])
    expect(fieldErrors(UpdateUserSchema.safeParse({ firstName: 'Jean\u0000' }))).toMatchObject([
      { path: 'firstName', code: 'control_character' },
    ])
    expect(fieldErrors(UpdateUserSchema.safeParse({ jobTitle: 'Chef\u001b[31m' }))).toMatchObject([
      { path: 'jobTitle', code: 'control_character' },
    ])
    const invitation = { firstName: 'Jeanne', email: 'jeanne@exemple.fr', role: 'technician' }
    expect(
      CreateInvitationsSchema.safeParse({ invitations: [invitation], message: 'Bonjour,\n\nbienvenue.' })
        .success,
    ).toBe(true)
    expect(
      fieldErrors(CreateInvitationsSchema.safeParse({ invitations: [invitation], message: 'Bonjour\u0000' })),
    ).toMatchObject([{ path: 'message', code: 'control_character' }])
  })

  it('a name keeps folding its tabs and line breaks into spaces', () => {
    expect(UpdateUserSchema.parse({ firstName: 'Jean\tPierre\n' }).firstName).toBe('Jean Pierre')
  })
})
