import { describe, expect, it } from 'vitest'
import {
  EMAIL_MAX_LENGTH,
  EmailSchema,
  isRefusedMailbox,
  isValidEmail,
  personEmailSchema,
  toFieldErrors,
} from '../src/index'

/** [address, valid?, why]: the one email rule, as forms, imports and the server apply it. */
const CASES: ReadonlyArray<readonly [string, boolean, string]> = [
  ['jeanne.roy@exemple.fr', true, 'an everyday address'],
  ['Jeanne.Roy@Exemple.FR', true, 'capitals (normalised to lower case)'],
  ['jean+tickets@acme.co.uk', true, 'a sub-address and a second-level domain'],
  ["o'brien@acme.ie", true, 'an apostrophe in the local part'],
  ['élodie@exemple.fr', true, 'an accented local part'],
  ['x@bücher.de', true, 'an internationalised domain'],
  ['x@xn--bcher-kva.de', true, 'the same domain in punycode'],
  ['josé@société.fr', true, 'both parts internationalised'],
  ['ivan@пример.рф', true, 'a Cyrillic domain and top-level domain'],
  ['ivan@xn--e1afmkfd.xn--p1ai', true, 'the same in punycode'],
  ['a.b-c_d@mail-1.exemple.fr', true, 'dots, hyphens, underscores and digits'],
  ['a@b', false, 'a domain without a dot'],
  ['jeanne.roy@exemple', false, 'a domain without a top-level label'],
  ['jeanne@exemple.', false, 'an empty top-level label'],
  ['jeanne@.exemple.fr', false, 'an empty first label'],
  ['jeanne@exemple..fr', false, 'two dots in a row in the domain'],
  ['jeanne@exemple.f', false, 'a one-letter top-level domain'],
  ['jeanne@10.0.0.1', false, 'an IP address'],
  ['jeanne@exemple.123', false, 'a numeric top-level label'],
  ['jeanne@-exemple.fr', false, 'a label starting with a hyphen'],
  ['jeanne@exemple-.fr', false, 'a label ending with a hyphen'],
  ['jeanne@exe_mple.fr', false, 'an underscore in the domain'],
  ['@exemple.fr', false, 'no local part'],
  ['jeanne@', false, 'no domain'],
  ['jeanne', false, 'no @'],
  ['jeanne@@exemple.fr', false, 'two @'],
  ['jeanne roy@exemple.fr', false, 'a space'],
  ['.jeanne@exemple.fr', false, 'a leading dot'],
  ['jeanne.@exemple.fr', false, 'a trailing dot in the local part'],
  ['jeanne..roy@exemple.fr', false, 'two dots in a row in the local part'],
  ['jeanne\u0000@exemple.fr', false, 'a NUL byte'],
  ['jeanne\u001b@exemple.fr', false, 'an escape character'],
  ['"jeanne"@exemple.fr', false, 'a quoted local part'],
  ['<jeanne@exemple.fr>', false, 'angle brackets'],
  [`${'a'.repeat(65)}@exemple.fr`, false, 'a local part over 64 characters'],
  [`a@${'b'.repeat(64)}.fr`, false, 'a label over 63 characters'],
  [`a@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.fr`, false, 'over 254 in all'],
]

describe('isValidEmail', () => {
  it.each(CASES)('%s → %s (%s)', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid)
  })
})

describe('EmailSchema applies the same rule', () => {
  it.each(CASES)('%s → %s (%s)', (email, valid) => {
    const result = EmailSchema.safeParse(email)
    expect(result.success).toBe(valid)
    if (!result.success) {
      const codes = toFieldErrors(result.error.issues).map((error) => error.code)
      expect(codes).toEqual([email.length > EMAIL_MAX_LENGTH ? 'too_long' : 'invalid_email'])
    }
  })

  it('trims, applies NFC and lowercases what it accepts', () => {
    expect(EmailSchema.parse('  Élodie@Exemple.FR ')).toBe('élodie@exemple.fr')
    // "e" + combining acute accent becomes the single "é".
    expect(EmailSchema.parse('e\u0301lodie@exemple.fr')).toBe('élodie@exemple.fr')
  })

  it('a refused shared mailbox is still a well-formed address with its own code', () => {
    const result = personEmailSchema().safeParse('support@exemple.fr')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ params: { code: 'shared_mailbox_refused' } })
    expect(personEmailSchema().safeParse('support@exemple').error?.issues[0]).toMatchObject({
      params: { code: 'invalid_email' },
    })
  })
})

describe('a refused-mailbox list changed after use', () => {
  it('decides with the list as it is now, whether edited in place or replaced', () => {
    const list = ['support']
    expect(isRefusedMailbox('support@acme.fr', list)).toBe(true)
    expect(isRefusedMailbox('maintenance@acme.fr', list)).toBe(false)
    list.push('maintenance')
    expect(isRefusedMailbox('maintenance@acme.fr', list)).toBe(true)
    list[0] = 'accueil'
    expect(isRefusedMailbox('support@acme.fr', list)).toBe(false)
    expect(isRefusedMailbox('accueil@acme.fr', list)).toBe(true)
    expect(isRefusedMailbox('support@acme.fr', ['support'])).toBe(true)
  })
})
