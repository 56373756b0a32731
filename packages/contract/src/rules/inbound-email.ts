/**
 * Incoming email: who wrote, and whether a person may be created from the message. The host's mail
 * pipeline (or the built-in receiver) asks the server; these are the decisions both the server and
 * the settings screen use, with no zod.
 */

import { emailLocalPart, isRefusedMailbox, normalizeEmail } from './email'
import { NAME_MAX_LENGTH, nameProblem, normalizeName } from './names'
import type { RoleCatalog } from './roles'

/**
 * Why no person was found or created from a message.
 * - `creation_off`: the sender is unknown and the organization does not create people from email.
 * - `no_sender`: the message names no usable sender address.
 * - `auto_reply`: an automatic answer (`Auto-Submitted` other than `no`, an out-of-office).
 * - `bulk_mail`: a list or bulk mailing (`Precedence: bulk/list/junk`, `List-Id`).
 * - `bounce`: a delivery report (`multipart/report`, an empty return path, mailer-daemon, postmaster).
 * - `robot_sender`: an address that takes no answer (noreply, do-not-reply…).
 * - `refused_mailbox`: one of the organization's refused shared mailboxes.
 * - `invalid_address`: the address is not one a person can receive mail at.
 * - `seat_limit_reached`: the role of people created from email takes a seat, and none is left.
 * - `already_processed`: this message was handled before and its person is gone since.
 */
export const INBOUND_REFUSAL_REASONS = [
  'creation_off',
  'no_sender',
  'auto_reply',
  'bulk_mail',
  'bounce',
  'robot_sender',
  'refused_mailbox',
  'invalid_address',
  'seat_limit_reached',
  'already_processed',
] as const
export type InboundRefusalReason = (typeof INBOUND_REFUSAL_REASONS)[number]

/** The reasons that say the message was written by a program, not a person. */
export type RobotReason = Extract<
  InboundRefusalReason,
  'auto_reply' | 'bulk_mail' | 'bounce' | 'robot_sender'
>

/** Addresses that send mail nobody answers; folded like refused mailboxes (`no_reply+x` is `noreply`). */
export const ROBOT_MAILBOXES = ['noreply', 'donotreply', 'notreply', 'noanswer', 'automailer'] as const
/** Addresses that send delivery reports. */
export const BOUNCE_MAILBOXES = ['mailerdaemon', 'postmaster', 'bounce', 'bounces', 'mailerdeamon'] as const

const PRECEDENCE_ROBOT = new Set(['bulk', 'list', 'junk'])

/** A header field's value, by lower-case name; a header given twice counts with its first value. */
export type HeaderLookup = (name: string) => string | undefined

/**
 * Whether a message comes from a program rather than a person, and which kind, from its sender
 * address and header fields (looked up by lower-case name). Auto-Submitted follows RFC 3834: any
 * value but `no` is automatic. Null when a person wrote it.
 * @example robotReason('jean@client.fr', (h) => ({ 'auto-submitted': 'auto-replied' })[h]) // 'auto_reply'
 */
export function robotReason(address: string, header: HeaderLookup): RobotReason | null {
  const autoSubmitted = header('auto-submitted')?.split(';')[0]?.trim().toLowerCase()
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply'
  // Exchange and older responders mark their answers with these instead.
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined) return 'auto_reply'
  const precedence = header('precedence')?.trim().toLowerCase()
  if (precedence && PRECEDENCE_ROBOT.has(precedence)) return 'bulk_mail'
  if (header('list-id') !== undefined) return 'bulk_mail'
  const contentType = header('content-type')?.trim().toLowerCase()
  if (contentType?.startsWith('multipart/report')) return 'bounce'
  if (header('return-path')?.replace(/\s/g, '') === '<>') return 'bounce'
  if (isRefusedMailbox(address, BOUNCE_MAILBOXES)) return 'bounce'
  if (isRefusedMailbox(address, ROBOT_MAILBOXES)) return 'robot_sender'
  return null
}

const capitalised = (word: string) =>
  word
    .split('-')
    .map((part) => (part ? part.charAt(0).toLocaleUpperCase('fr') + part.slice(1) : part))
    .join('-')

/** A name as a form would keep it, or '' when it is not one (an address, markup, digits only). */
function cleanName(text: string): string {
  const name = normalizeName(text.replace(/^["'\s]+|["'\s]+$/g, ''))
  if (name.length > NAME_MAX_LENGTH) return name.slice(0, NAME_MAX_LENGTH).trim()
  return nameProblem(name) === null ? name : ''
}

const isUpperWord = (word: string) => /\p{L}{2,}/u.test(word) && word === word.toLocaleUpperCase('fr')

/**
 * The first and last name of a new person from the message's display name, as people write
 * theirs: "Dupont, Jean" (last name first, with a comma), "DUPONT Jean" (the French habit of a
 * capitalised last name first), "Jean Dupont", "Jean-Pierre de la Fontaine" (the first word is the
 * first name). Without a usable display name, from the address's local part: `jean.dupont` →
 * Jean Dupont, `jdupont` → Jdupont. The last name may be empty; the first never is.
 * @example nameFromSender('Dupont, Jean', 'jd@client.fr') // { firstName: 'Jean', lastName: 'Dupont' }
 */
export function nameFromSender(
  displayName: string | null | undefined,
  address: string,
): { firstName: string; lastName: string } {
  const display = displayName ? cleanName(displayName) : ''
  if (display && !display.includes('@')) {
    const comma = display.indexOf(',')
    if (comma > 0) {
      const last = cleanName(display.slice(0, comma))
      const first = cleanName(display.slice(comma + 1))
      if (first && last) return { firstName: first, lastName: last }
    }
    const words = display.replace(/,/g, ' ').split(' ').filter(Boolean)
    if (words.length === 1) return { firstName: words[0] as string, lastName: '' }
    const upper = words.findIndex((w) => !isUpperWord(w))
    // "DUPONT Jean", "LE GALL Anne": the capitalised words first are the last name.
    if (upper > 0 && isUpperWord(words[0] as string)) {
      return { firstName: words.slice(upper).join(' '), lastName: words.slice(0, upper).join(' ') }
    }
    return { firstName: words[0] as string, lastName: words.slice(1).join(' ') }
  }
  const local = emailLocalPart(normalizeEmail(address)).split('+')[0] ?? ''
  const words = local
    .split(/[._]+/)
    .map((w) => w.replace(/\d+/g, ''))
    .filter((w) => /\p{L}/u.test(w))
    .map(capitalised)
  // Digits alone (`1234@`) are no name, but they are all the address says of its owner.
  if (words.length === 0)
    return { firstName: cleanName(local) || local.slice(0, NAME_MAX_LENGTH), lastName: '' }
  return { firstName: words[0] as string, lastName: cleanName(words.slice(1).join(' ')) }
}

/** A domain as a group's email domain is kept: trimmed, without a leading `@`, lower case. */
export function normalizeEmailDomain(domain: string): string {
  return domain.trim().replace(/^@/, '').replace(/\.$/, '').normalize('NFC').toLowerCase()
}

/**
 * The group a sender is placed in, by the domain of their address: the entry for the domain itself
 * or, failing that, for the closest parent domain (`support.client-nord.fr` → `client-nord.fr`).
 * Null when no entry matches.
 * @example groupForAddress([{ domain: 'client-nord.fr', groupId: 'g1' }], 'anne@client-nord.fr') // 'g1'
 */
export function groupForAddress(
  domains: ReadonlyArray<{ domain: string; groupId: string }>,
  address: string,
): string | null {
  const at = address.lastIndexOf('@')
  if (at < 0) return null
  const byDomain = new Map(domains.map((d) => [normalizeEmailDomain(d.domain), d.groupId]))
  const labels = normalizeEmailDomain(address.slice(at + 1)).split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const found = byDomain.get(labels.slice(i).join('.'))
    if (found !== undefined) return found
  }
  return null
}

/**
 * Whether `role` may be given to people created from incoming email: a role of the organization
 * that opens no console — no permission, scoped to groups, and taking no seat (a customer's contact
 * must never use up the plan). Built-in roles all fail it (technicians take a seat); a host
 * declares such a role (`contact`).
 */
export function isInboundEmailRole(
  roles: Pick<RoleCatalog, 'has' | 'hasPowers' | 'takesSeat'>,
  role: string,
) {
  return role !== 'owner' && roles.has(role) && !roles.hasPowers(role) && !roles.takesSeat(role)
}

/** The roles a settings screen offers for people created from email, in the catalog's order. */
export function inboundEmailRoles(roles: RoleCatalog): string[] {
  return roles.keys.filter((role) => isInboundEmailRole(roles, role))
}
