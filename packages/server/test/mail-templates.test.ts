import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reminderMail } from '../src/domain/access-review-outcome'
import { renderInvitationMail, renderPasswordResetMail } from '../src/mail/templates'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

const LINK = 'http://app.test/accept?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const EXPIRES = new Date('2026-03-12T14:05:00Z')

const invitation = (overrides: Partial<Parameters<typeof renderInvitationMail>[0]> = {}) =>
  renderInvitationMail({
    locale: 'en',
    productName: 'Usher',
    organizationName: 'Atelier Dupont',
    inviterName: 'Jean Dupont',
    firstName: 'Léa',
    link: LINK,
    expiresAt: EXPIRES,
    timeZone: 'Europe/Paris',
    message: null,
    reminder: false,
    ...overrides,
  })

describe('given an invitation email', () => {
  it('reads in English with the inviter, the organization, the expiry and the link', () => {
    const mail = invitation({ message: 'See you on Monday!' })
    expect(mail.subject).toBe('Jean Dupont invited you to join Atelier Dupont on Usher')
    expect(mail.text).toContain('Hello Léa,')
    expect(mail.text).toContain('Jean Dupont invited you to join Atelier Dupont on Usher.')
    expect(mail.text).toContain('> See you on Monday!')
    // 14:05 UTC is 15:05 in Paris in March (winter time), and the zone is named.
    expect(mail.text).toContain('valid until 12 March 2026 at 15:05 (Central European Time).')
    expect(mail.text).toContain(`Accept the invitation:\n${LINK}`)
    expect(mail.html).toContain('<html lang="en"')
    expect(mail.html).toContain(`<a href="${LINK}"`)
    expect(mail.html).toContain('>Accept the invitation</a>')
  })

  it('reads in French, with French typography', () => {
    const mail = invitation({ locale: 'fr' })
    expect(mail.subject).toBe('Jean Dupont vous invite à rejoindre Atelier Dupont sur Usher')
    expect(mail.text).toContain('Bonjour Léa,')
    expect(mail.text).toContain('valable jusqu’au 12 mars 2026 à 15:05 (heure d’Europe centrale).')
    expect(mail.text).toContain(`Accepter l’invitation\u00a0:\n${LINK}`)
    expect(mail.html).toContain('<html lang="fr"')
    expect(mail.html).toContain('>Accepter l’invitation</a>')
  })

  it('words a reminder as one, and says earlier links no longer work', () => {
    expect(invitation({ reminder: true }).subject).toBe(
      'Reminder: Jean Dupont invited you to join Atelier Dupont on Usher',
    )
    expect(invitation({ reminder: true }).text).toContain('The link in earlier messages no longer works.')
    const fr = invitation({ reminder: true, locale: 'fr' })
    expect(fr.subject).toBe('Rappel\u00a0: Jean Dupont vous invite à rejoindre Atelier Dupont sur Usher')
    expect(fr.text).toContain('Le lien des messages précédents ne fonctionne plus.')
  })

  it('does without an inviter’s name, and never guesses the reader’s gender in French', () => {
    expect(invitation({ inviterName: null }).subject).toBe('Invitation to join Atelier Dupont on Usher')
    const fr = invitation({ inviterName: null, locale: 'fr', message: 'À lundi' })
    expect(fr.subject).toBe('Invitation à rejoindre Atelier Dupont sur Usher')
    expect(fr.text).toContain('Vous avez reçu une invitation à rejoindre Atelier Dupont sur Usher.')
    expect(fr.text).toContain('Message joint à l’invitation\u00a0:\n> À lundi')
    expect(invitation({ inviterName: null, message: 'See you' }).text).toContain(
      'A note with the invitation:\n> See you',
    )
    const reminder = invitation({ inviterName: null, locale: 'fr', reminder: true })
    expect(reminder.text).toContain(
      'Petit rappel\u00a0: une invitation à rejoindre Atelier Dupont sur Usher vous attend toujours.',
    )
    // No « invité », « invitée » or « administrateur » that would assume who reads or who wrote.
    for (const mail of [fr, reminder, invitation({ locale: 'fr', message: 'x' })]) {
      expect(mail.text).not.toMatch(/êtes invité|administrateur/)
    }
  })

  it('elides « de » before an inviter’s name that starts with a vowel', () => {
    expect(invitation({ locale: 'fr', inviterName: 'Anne Roux', message: 'Bienvenue' }).text).toContain(
      'Message d’Anne Roux\u00a0:',
    )
    expect(invitation({ locale: 'fr', inviterName: 'Jean Dupont', message: 'Bienvenue' }).text).toContain(
      'Message de Jean Dupont\u00a0:',
    )
  })

  it('elides « de » before an organization’s name in the access review reminder', () => {
    const mail = (organizationName: string) =>
      reminderMail({ locale: 'fr', firstName: 'Léa', organizationName, pending: 2 })
    expect(mail('Atelier Dupont').subject).toBe('Revue des accès d’Atelier Dupont\u00a0: 2 à examiner')
    expect(mail('Atelier Dupont').text).toContain('La revue des accès d’Atelier Dupont attend encore')
    expect(mail('Northwind').subject).toBe('Revue des accès de Northwind\u00a0: 2 à examiner')
  })

  it('writes the expiry in the organization’s time zone and names it', () => {
    expect(invitation({ timeZone: 'America/Montreal' }).text).toContain(
      'valid until 12 March 2026 at 10:05 (Eastern Time).',
    )
    expect(invitation({ timeZone: 'America/Montreal', locale: 'fr' }).text).toContain(
      'jusqu’au 12 mars 2026 à 10:05 (heure de l’Est nord-américain).',
    )
    expect(invitation({ timeZone: 'UTC', locale: 'fr' }).text).toContain(
      'jusqu’au 12 mars 2026 à 14:05 (UTC).',
    )
    // Summer time: the same zone, an hour further from UTC.
    expect(invitation({ expiresAt: new Date('2026-07-01T08:00:00Z') }).text).toContain(
      '1 July 2026 at 10:00 (Central European Time)',
    )
  })

  it('escapes markup from the note and the organization’s name in the HTML, and keeps subjects on one line', () => {
    const mail = invitation({
      organizationName: 'Acme <script>alert(1)</script>',
      message: 'Hi <script>steal()</script> & "welcome"\nSecond line',
    })
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('Hi &lt;script&gt;steal()&lt;/script&gt; &amp; &quot;welcome&quot;')
    expect(mail.html).toContain('Acme &lt;script&gt;')
    // The text part is plain text: shown as written, never interpreted.
    expect(mail.text).toContain('> Hi <script>steal()</script> & "welcome"\n> Second line')
    expect(invitation({ organizationName: 'Acme\r\nBcc: victim@example.com' }).subject).not.toMatch(/[\r\n]/)
  })
})

describe('given a password reset email', () => {
  const reset = (locale: 'en' | 'fr', activation: boolean) =>
    renderPasswordResetMail({
      locale,
      productName: 'Usher',
      organizationName: 'Atelier Dupont',
      firstName: 'Léa',
      link: LINK,
      expiresAt: EXPIRES,
      timeZone: 'Europe/Paris',
      activation,
    })

  it('reads as a reset, or as an activation for an account never activated', () => {
    expect(reset('en', false).subject).toBe('Reset your Atelier Dupont password on Usher')
    expect(reset('en', false).text).toContain(`Choose a new password:\n${LINK}`)
    expect(reset('en', true).subject).toBe('Activate your Atelier Dupont account on Usher')
    expect(reset('en', true).html).toContain('>Activate my account</a>')
    expect(reset('fr', false).subject).toBe('Réinitialisez votre mot de passe Atelier Dupont sur Usher')
    expect(reset('fr', true).subject).toBe('Activez votre compte Atelier Dupont sur Usher')
    expect(reset('fr', true).text).toContain('Choisissez votre mot de passe pour l’activer.')
    expect(reset('fr', false).text).toContain(
      'Ce lien ne sert qu’une fois et reste valable jusqu’au 12 mars 2026 à 15:05 (heure d’Europe centrale).',
    )
  })
})

describe('given the server sending invitations', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('writes each invitee’s email in their language and escapes the note', async () => {
    const org = await createTestOrg(t, { name: 'Maison <b>Bleue</b>' })
    const fr = `fr.${randomUUID().slice(0, 8)}@example.com`
    const en = `en.${randomUUID().slice(0, 8)}@example.com`
    await org.owner.client.invitations.create({
      invitations: [
        { firstName: 'Chloé', email: fr, role: 'technician', locale: 'fr' },
        { firstName: 'Kate', email: en, role: 'technician', locale: 'en' },
      ],
      message: 'Bienvenue <script>alert("x")</script>',
    })
    const mails = await t.server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', 'in', [fr, en])
      .execute()
    const french = mails.find((m) => m.to_address === fr)
    const english = mails.find((m) => m.to_address === en)
    expect(french?.locale).toBe('fr')
    expect(french?.subject).toBe('Olivia Owner vous invite à rejoindre Maison <b>Bleue</b> sur Usher')
    expect(french?.text).toContain('Bonjour Chloé,')
    expect(english?.text).toContain('Hello Kate,')
    for (const mail of [french, english]) {
      expect(mail?.html).not.toContain('<script>')
      expect(mail?.html).not.toContain('<b>Bleue')
      expect(mail?.html).toContain('Bienvenue &lt;script&gt;')
    }
  })

  it('writes the expiry in the time zone the owner set for the organization', async () => {
    const org = await createTestOrg(t)
    const current = await org.owner.client.me.get()
    expect(current.organization.settings.timeZone).toBe('Europe/Paris')
    const refused = await org.owner.client.organization
      .update({ settings: { timeZone: 'Montréal' } }, { ifMatch: current.organization.version })
      .catch((e: unknown) => e as { status: number; problem: { errors?: { path: string; code: string }[] } })
    expect(refused).toMatchObject({ status: 422 })
    expect((refused as { problem: { errors: unknown[] } }).problem.errors).toEqual([
      expect.objectContaining({ path: 'settings.timeZone', code: 'invalid_value' }),
    ])
    await org.owner.client.organization.update(
      { settings: { timeZone: 'America/Montreal' } },
      { ifMatch: current.organization.version },
    )
    const email = `tz.${randomUUID().slice(0, 8)}@example.com`
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Zoé', email, role: 'technician', locale: 'fr' }],
    })
    const mail = await t.server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow()
    const expires = new Date(t.clock.now().getTime() + 30 * 86_400_000)
    const local = new Intl.DateTimeFormat('fr-FR', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'America/Montreal',
    }).format(expires)
    expect(mail.text).toContain(`valable jusqu’au ${local} (heure de l’Est nord-américain).`)
  })
})
