import { describe, expect, it } from 'vitest'
import {
  BUILT_IN_ROLE_CATALOG,
  createRoleCatalog,
  DEFAULT_ORGANIZATION_SETTINGS,
  groupForAddress,
  InboundEmailSettingsSchema,
  inboundEmailRoles,
  isInboundEmailRole,
  nameFromSender,
  ReceiveInboundEmailSchema,
  robotReason,
  UpdateOrganizationSchema,
} from '../src/index'

const headers =
  (fields: Record<string, string> = {}) =>
  (name: string) =>
    Object.entries(fields).find(([key]) => key.toLowerCase() === name)?.[1]

describe('robotReason: who is a program, not a person', () => {
  const cases: Array<[string, string, Record<string, string>, ReturnType<typeof robotReason>]> = [
    ['a person', 'jean.dupont@client-nord.fr', {}, null],
    ['Auto-Submitted: no is a person', 'jean@client-nord.fr', { 'Auto-Submitted': 'no' }, null],
    ['an out-of-office', 'jean@client-nord.fr', { 'Auto-Submitted': 'auto-replied' }, 'auto_reply'],
    [
      'a generated message',
      'jean@client-nord.fr',
      { 'Auto-Submitted': 'Auto-Generated; owner-email=x' },
      'auto_reply',
    ],
    ['Exchange’s mark', 'jean@client-nord.fr', { 'X-Autoreply': 'yes' }, 'auto_reply'],
    ['Precedence: bulk', 'news@shop.example', { Precedence: 'bulk' }, 'bulk_mail'],
    ['Precedence: list', 'anne@client-nord.fr', { Precedence: 'List' }, 'bulk_mail'],
    ['Precedence: junk', 'anne@client-nord.fr', { Precedence: 'junk' }, 'bulk_mail'],
    ['Precedence: first-class is a person', 'anne@client-nord.fr', { Precedence: 'first-class' }, null],
    ['a mailing list', 'anne@client-nord.fr', { 'List-Id': '<users.lists.example>' }, 'bulk_mail'],
    [
      'a delivery report',
      'x@client-nord.fr',
      { 'Content-Type': 'multipart/report; report-type=delivery-status' },
      'bounce',
    ],
    ['an empty return path', 'x@client-nord.fr', { 'Return-Path': '< >' }, 'bounce'],
    ['mailer-daemon', 'MAILER-DAEMON@mx.client-nord.fr', {}, 'bounce'],
    ['postmaster', 'postmaster@client-nord.fr', {}, 'bounce'],
    ['a bounce address with a tag', 'bounce+4711@mail.shop.example', {}, 'bounce'],
    ['noreply', 'noreply@shop.example', {}, 'robot_sender'],
    ['no-reply', 'No-Reply@shop.example', {}, 'robot_sender'],
    ['do_not_reply', 'do_not_reply@shop.example', {}, 'robot_sender'],
    ['a person whose name holds "reply"', 'replyne.martin@client-nord.fr', {}, null],
  ]
  it.each(cases)('%s', (_label, address, fields, expected) => {
    expect(robotReason(address, headers(fields))).toBe(expected)
  })
})

describe('nameFromSender: a name from the display name, else the address', () => {
  const cases: Array<[string | null, string, string, string]> = [
    ['Dupont, Jean', 'jd@client-nord.fr', 'Jean', 'Dupont'],
    ['"Dupont, Jean"', 'jd@client-nord.fr', 'Jean', 'Dupont'],
    ['Jean Dupont', 'jd@client-nord.fr', 'Jean', 'Dupont'],
    ['Jean-Pierre de la Fontaine', 'jp@client-nord.fr', 'Jean-Pierre', 'de la Fontaine'],
    ['DUPONT Jean', 'jd@client-nord.fr', 'Jean', 'DUPONT'],
    ['LE GALL Anne-Marie', 'am@client-nord.fr', 'Anne-Marie', 'LE GALL'],
    ['Jean DUPONT', 'jd@client-nord.fr', 'Jean', 'DUPONT'],
    ['  Élodie   Roy ', 'er@client-nord.fr', 'Élodie', 'Roy'],
    ['Madonna', 'm@client-nord.fr', 'Madonna', ''],
    [null, 'jean.dupont@client-nord.fr', 'Jean', 'Dupont'],
    ['', 'anne-marie_le.gall@client-nord.fr', 'Anne-Marie', 'Le Gall'],
    ['jean.dupont@client-nord.fr', 'jean.dupont@client-nord.fr', 'Jean', 'Dupont'],
    [null, 'jdupont+tickets@client-nord.fr', 'Jdupont', ''],
    [null, 'j.dupont42@client-nord.fr', 'J', 'Dupont'],
    ['<a href=x>Click</a>', 'paul.henry@client-nord.fr', 'Paul', 'Henry'],
    [null, '1234@client-nord.fr', '1234', ''],
  ]
  it.each(cases)('%s <%s> → %s / %s', (display, address, firstName, lastName) => {
    expect(nameFromSender(display, address)).toEqual({ firstName, lastName })
  })
})

describe('groupForAddress: a customer’s domain picks its site', () => {
  const domains = [
    { domain: 'client-nord.fr', groupId: 'nord' },
    { domain: 'sud.client-nord.fr', groupId: 'sud' },
    { domain: '@Atelier-Durand.example', groupId: 'durand' },
  ]
  const cases: Array<[string, string | null]> = [
    ['anne@client-nord.fr', 'nord'],
    ['Anne@CLIENT-NORD.FR', 'nord'],
    ['anne@mail.client-nord.fr', 'nord'],
    ['anne@sud.client-nord.fr', 'sud'],
    ['paul@atelier-durand.example', 'durand'],
    ['paul@client-nord.fr.evil.example', null],
    ['paul@notclient-nord.fr', null],
    ['no address', null],
  ]
  it.each(cases)('%s → %s', (address, group) => {
    expect(groupForAddress(domains, address)).toBe(group)
  })
})

describe('the role of people created from email', () => {
  const roles = createRoleCatalog({
    contact: {
      rank: 1,
      permissions: [],
      scope: 'groups',
      takesSeat: false,
      label: { en: 'Contact', fr: 'Contact' },
    },
    operator: {
      rank: 15,
      permissions: ['users:read'],
      scope: 'groups',
      takesSeat: true,
      label: { en: 'Operator', fr: 'Opérateur' },
    },
  })
  it.each([
    ['contact', true],
    ['operator', false],
    ['technician', false],
    ['admin', false],
    ['owner', false],
    ['nobody', false],
  ] as const)('%s → %s', (role, allowed) => {
    expect(isInboundEmailRole(roles, role)).toBe(allowed)
  })
  it('offers only such roles, and none of the built-in ones', () => {
    expect(inboundEmailRoles(roles)).toEqual(['contact'])
    expect(inboundEmailRoles(BUILT_IN_ROLE_CATALOG)).toEqual([])
  })
})

describe('the settings and the request', () => {
  it('are off by default, and need a role to turn creation on', () => {
    expect(DEFAULT_ORGANIZATION_SETTINGS.inboundEmail).toEqual({
      createPeople: false,
      role: null,
      invite: false,
      domains: [],
    })
    const noRole = InboundEmailSettingsSchema.safeParse({
      createPeople: true,
      role: null,
      invite: false,
      domains: [],
    })
    expect(noRole.error?.issues[0]?.path).toEqual(['role'])
  })

  it('keep each domain once, normalised, and refuse what is no domain', () => {
    const parsed = UpdateOrganizationSchema.parse({
      settings: {
        inboundEmail: {
          createPeople: false,
          role: null,
          invite: false,
          domains: [{ domain: ' @Client-Nord.FR ', groupId: 'g1' }],
        },
      },
    })
    expect(parsed.settings?.inboundEmail?.domains).toEqual([{ domain: 'client-nord.fr', groupId: 'g1' }])
    const twice = InboundEmailSettingsSchema.safeParse({
      createPeople: false,
      role: null,
      invite: false,
      domains: [
        { domain: 'client-nord.fr', groupId: 'g1' },
        { domain: 'CLIENT-NORD.fr', groupId: 'g2' },
      ],
    })
    expect(twice.error?.issues[0]?.path).toEqual(['domains', 1, 'domain'])
    for (const domain of ['localhost', 'client nord.fr', 'http://client-nord.fr', '10.0.0.1']) {
      expect(
        InboundEmailSettingsSchema.safeParse({
          createPeople: false,
          role: null,
          invite: false,
          domains: [{ domain, groupId: 'g' }],
        }).success,
        domain,
      ).toBe(false)
    }
  })

  it('takes the whole message or the sender fields, never both nor neither', () => {
    expect(ReceiveInboundEmailSchema.safeParse({ raw: 'From: a@b.fr\r\n\r\nhi' }).success).toBe(true)
    expect(ReceiveInboundEmailSchema.safeParse({ from: { address: 'a@b.fr', name: 'A B' } }).success).toBe(
      true,
    )
    expect(ReceiveInboundEmailSchema.safeParse({}).error?.issues[0]?.path).toEqual(['from'])
    expect(
      ReceiveInboundEmailSchema.safeParse({ raw: 'x', from: { address: 'a@b.fr' } }).error?.issues[0]?.path,
    ).toEqual(['raw'])
  })
})
