/**
 * The messages Usher sends, in English and French (the recipient's locale), as plain text and
 * HTML. Every value from a person (names, the inviter's note) is escaped in the HTML.
 */
export type MailLocale = 'en' | 'fr'

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

export interface InvitationMailInput {
  locale: MailLocale
  productName: string
  organizationName: string
  inviterName: string | null
  firstName: string
  link: string
  expiresAt: Date
  message: string | null
  /** A resend: "reminder" wording. */
  reminder: boolean
}

export interface PasswordResetMailInput {
  locale: MailLocale
  productName: string
  organizationName: string
  firstName: string
  link: string
  expiresAt: Date
  /** The account was never activated (seed 001: the invitation email was lost). */
  activation: boolean
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

export function renderInvitationMail(input: InvitationMailInput): RenderedMail {
  const date = new Intl.DateTimeFormat(input.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
  }).format(input.expiresAt)
  const fr = input.locale === 'fr'
  const who = input.inviterName ?? (fr ? 'Votre administrateur' : 'Your administrator')
  const subject = fr
    ? `${input.reminder ? 'Rappel : ' : ''}${who} vous invite à rejoindre ${input.organizationName} sur ${input.productName}`
    : `${input.reminder ? 'Reminder: ' : ''}${who} invited you to join ${input.organizationName} on ${input.productName}`
  const lines = fr
    ? [
        `Bonjour ${input.firstName},`,
        '',
        `${who} vous invite à rejoindre ${input.organizationName} sur ${input.productName}.`,
        ...(input.message ? ['', input.message] : []),
        '',
        `Pour accepter, ouvrez ce lien avant le ${date} :`,
        input.link,
      ]
    : [
        `Hello ${input.firstName},`,
        '',
        `${who} invited you to join ${input.organizationName} on ${input.productName}.`,
        ...(input.message ? ['', input.message] : []),
        '',
        `To accept, open this link before ${date}:`,
        input.link,
      ]
  const text = lines.join('\n')
  const html = `<p>${lines
    .filter((l) => l !== input.link)
    .map(escapeHtml)
    .join('<br>')}</p><p><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>`
  return { subject, text, html }
}

export function renderPasswordResetMail(input: PasswordResetMailInput): RenderedMail {
  const fr = input.locale === 'fr'
  const subject = fr
    ? input.activation
      ? `Activez votre compte ${input.productName}`
      : `Réinitialisez votre mot de passe ${input.productName}`
    : input.activation
      ? `Activate your ${input.productName} account`
      : `Reset your ${input.productName} password`
  const lines = fr
    ? [`Bonjour ${input.firstName},`, '', 'Pour choisir un mot de passe, ouvrez ce lien :', input.link]
    : [`Hello ${input.firstName},`, '', 'To choose a password, open this link:', input.link]
  const text = lines.join('\n')
  const html = `<p>${lines
    .filter((l) => l !== input.link)
    .map(escapeHtml)
    .join('<br>')}</p><p><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>`
  return { subject, text, html }
}
