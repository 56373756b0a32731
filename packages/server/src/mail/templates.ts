/**
 * The messages Usher sends, in English and French (the recipient's locale), as plain text and
 * HTML. Every value from a person (names, the organization's name, the inviter's note) is escaped
 * in the HTML, and line breaks are removed from subjects. Times are written in the organization's
 * time zone and name it. The French wording follows docs/glossary.md: gender-neutral sentences
 * (the recipient's gender is unknown), elision before names, a no-break space before « : » and « ? ».
 */
import { frenchDe } from '@usher/contract'

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
  /** The organization's IANA time zone: the expiry is written in it. */
  timeZone: string
  /** The inviter's personal note, shown as written (escaped in the HTML). */
  message: string | null
  /** A resend: "reminder" wording, and a word that the previous link no longer works. */
  reminder: boolean
}

export interface PasswordResetMailInput {
  locale: MailLocale
  productName: string
  organizationName: string
  firstName: string
  link: string
  expiresAt: Date
  /** The organization's IANA time zone: the expiry is written in it. */
  timeZone: string
  /** The account was never activated (say, the invitation email was lost). */
  activation: boolean
}

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

// A subject is one header line: a name or note must never start another header.
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim()

// French puts a no-break space before ":"; mail clients must not wrap the line there.
export const NBSP = '\u00a0'

/**
 * "12 March 2026 at 15:05 (Central European Time)" / "12 mars 2026 à 15:05 (heure d’Europe
 * centrale)": in the organization's time zone, named, so a reader elsewhere can convert it.
 */
export function formatExpiry(date: Date, locale: MailLocale, timeZone: string): string {
  const { dateTime, zone } = expiryFormats(locale, timeZone)
  const zoneName = zone.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value
  return `${dateTime.format(date)} (${zoneName ?? timeZone})`
}

function expiryFormats(locale: MailLocale, timeZone: string) {
  try {
    return cachedFormats(locale, timeZone)
  } catch (error) {
    // A zone the settings accepted but this runtime's zone data lacks: a mail in UTC beats no mail.
    if (error instanceof RangeError) return cachedFormats(locale, 'UTC')
    throw error
  }
}

// Building a formatter costs far more than using one: a 1,000-row invitation renders 1,000 dates.
const formats = new Map<string, { dateTime: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>()
function cachedFormats(locale: MailLocale, timeZone: string) {
  const key = `${locale} ${timeZone}`
  let format = formats.get(key)
  if (!format) {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
    // UTC has no generic name ("UTC+00:00" in French): its short name is the one people know.
    const utc = /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/i.test(timeZone)
    format = {
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      zone: new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: utc ? 'short' : 'longGeneric' }),
    }
    formats.set(key, format)
  }
  return format
}

/** A paragraph of the message: plain text for the text part, the same text escaped for the HTML one. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'note'; heading: string; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'fallback'; text: string; href: string }
  | { kind: 'small'; text: string }

function blockText(block: Block, colon: string): string | null {
  switch (block.kind) {
    case 'p':
    case 'small':
      return block.text
    case 'note':
      return `${block.heading}\n${block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join('\n')}`
    case 'button':
      return `${block.label}${colon}\n${block.href}`
    case 'fallback':
      // The text part already shows the link under the button's words.
      return null
  }
}

function toText(locale: MailLocale, blocks: readonly Block[]): string {
  const colon = locale === 'fr' ? `${NBSP}:` : ':'
  const parts = blocks.map((block) => blockText(block, colon))
  return `${parts.filter((p): p is string => p !== null).join('\n\n')}\n`
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
const SMALL = 'margin:0 0 16px;font-size:14px;line-height:1.5;color:#4b5563'

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${escapeHtml(block.text)}</p>`
    case 'note':
      return [
        `<p style="margin:0 0 4px;font-size:14px;line-height:1.5;color:#4b5563">${escapeHtml(block.heading)}</p>`,
        `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d1d5db;font-size:16px;line-height:1.5">${escapeHtml(block.text).replace(/\r?\n/g, '<br>')}</blockquote>`,
      ].join('\n')
    case 'button':
      // A link styled as a button: keyboard, screen readers and every mail client know links.
      return `<p style="margin:24px 0"><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background:#1d4ed8;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none">${escapeHtml(block.label)}</a></p>`
    case 'fallback':
      return `<p style="${SMALL}">${escapeHtml(block.text)}<br><a href="${escapeHtml(block.href)}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(block.href)}</a></p>`
    case 'small':
      return `<p style="${SMALL}">${escapeHtml(block.text)}</p>`
  }
}

function toHtml(input: { locale: MailLocale; subject: string; blocks: readonly Block[]; preheader: string }) {
  const body = input.blocks.map(blockHtml).join('\n')
  const lang = input.locale
  const title = escapeHtml(input.subject)
  return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>
<div role="article" aria-roledescription="email" aria-label="${title}" lang="${lang}" style="${FONT};color:#111827;padding:24px 12px">
<div style="max-width:560px;margin:0 auto;padding:32px 24px;background:#ffffff;border-radius:8px">
${body}
</div>
</div>
</body>
</html>
`
}

/** A message from its blocks: subject on one line, the text part, the HTML part with a preheader. */
export function render(
  locale: MailLocale,
  subject: string,
  blocks: Block[],
  preheader: string,
): RenderedMail {
  const clean = oneLine(subject)
  return {
    subject: clean,
    text: toText(locale, blocks),
    html: toHtml({ locale, subject: clean, blocks, preheader }),
  }
}

export function renderInvitationMail(input: InvitationMailInput): RenderedMail {
  const { organizationName: org, productName: product } = input
  const until = formatExpiry(input.expiresAt, input.locale, input.timeZone)
  const inviter = input.inviterName?.trim() || null
  const note = input.message?.trim() || null
  if (input.locale === 'fr') {
    // « Vous êtes invité » would guess the reader's gender: the sentences say who invites instead.
    const joining = `à rejoindre ${org} sur ${product}`
    const invited = inviter
      ? `${inviter} vous invite ${joining}.`
      : `Vous avez reçu une invitation ${joining}.`
    const subject = `${input.reminder ? `Rappel${NBSP}: ` : ''}${
      inviter
        ? `${inviter} vous invite à rejoindre ${org} sur ${product}`
        : `Invitation à rejoindre ${org} sur ${product}`
    }`
    const blocks: Block[] = [
      { kind: 'p', text: `Bonjour ${input.firstName},` },
      {
        kind: 'p',
        text: input.reminder
          ? inviter
            ? `Petit rappel${NBSP}: ${inviter} vous invite ${joining}, et l’invitation vous attend toujours.`
            : `Petit rappel${NBSP}: une invitation ${joining} vous attend toujours.`
          : invited,
      },
      ...(note
        ? [
            {
              kind: 'note' as const,
              heading: inviter
                ? `Message ${frenchDe(inviter)}${NBSP}:`
                : `Message joint à l’invitation${NBSP}:`,
              text: note,
            },
          ]
        : []),
      { kind: 'p', text: 'Acceptez l’invitation pour choisir votre mot de passe et vous connecter.' },
      { kind: 'button', label: 'Accepter l’invitation', href: input.link },
      {
        kind: 'p',
        text: `Cette invitation est valable jusqu’au ${until}.${
          input.reminder ? ' Le lien des messages précédents ne fonctionne plus.' : ''
        }`,
      },
      {
        kind: 'fallback',
        text: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
        href: input.link,
      },
      {
        kind: 'small',
        text: `Vous n’attendiez pas cette invitation${NBSP}? Ignorez simplement ce message.`,
      },
    ]
    return render('fr', subject, blocks, invited)
  }
  const invited = inviter
    ? `${inviter} invited you to join ${org} on ${product}.`
    : `You have been invited to join ${org} on ${product}.`
  const subject = `${input.reminder ? 'Reminder: ' : ''}${
    inviter
      ? `${inviter} invited you to join ${org} on ${product}`
      : `Invitation to join ${org} on ${product}`
  }`
  const blocks: Block[] = [
    { kind: 'p', text: `Hello ${input.firstName},` },
    {
      kind: 'p',
      text: input.reminder
        ? `A quick reminder: ${inviter ? `${inviter} invited you` : 'you have been invited'} to join ${org} on ${product}, and the invitation is still waiting for you.`
        : invited,
    },
    ...(note
      ? [
          {
            kind: 'note' as const,
            heading: inviter ? `A note from ${inviter}:` : 'A note with the invitation:',
            text: note,
          },
        ]
      : []),
    { kind: 'p', text: 'Accept the invitation to choose your password and sign in.' },
    { kind: 'button', label: 'Accept the invitation', href: input.link },
    {
      kind: 'p',
      text: `This invitation is valid until ${until}.${
        input.reminder ? ' The link in earlier messages no longer works.' : ''
      }`,
    },
    {
      kind: 'fallback',
      text: 'If the button does not work, copy this link into your browser:',
      href: input.link,
    },
    { kind: 'small', text: 'Not expecting this invitation? You can safely ignore this email.' },
  ]
  return render('en', subject, blocks, invited)
}

export function renderPasswordResetMail(input: PasswordResetMailInput): RenderedMail {
  const { organizationName: org, productName: product } = input
  const until = formatExpiry(input.expiresAt, input.locale, input.timeZone)
  if (input.locale === 'fr') {
    const subject = input.activation
      ? `Activez votre compte ${org} sur ${product}`
      : `Réinitialisez votre mot de passe ${org} sur ${product}`
    const intro = input.activation
      ? `Vous avez demandé un nouveau lien pour activer votre compte ${org} sur ${product}. Choisissez votre mot de passe pour l’activer.`
      : `Nous avons reçu une demande de réinitialisation du mot de passe de votre compte ${org} sur ${product}.`
    const blocks: Block[] = [
      { kind: 'p', text: `Bonjour ${input.firstName},` },
      { kind: 'p', text: intro },
      {
        kind: 'button',
        label: input.activation ? 'Activer mon compte' : 'Choisir un nouveau mot de passe',
        href: input.link,
      },
      { kind: 'p', text: `Ce lien ne sert qu’une fois et reste valable jusqu’au ${until}.` },
      {
        kind: 'fallback',
        text: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
        href: input.link,
      },
      {
        kind: 'small',
        text: input.activation
          ? `Vous n’êtes pas à l’origine de cette demande${NBSP}? Ignorez ce message${NBSP}: rien ne change.`
          : `Vous n’êtes pas à l’origine de cette demande${NBSP}? Ignorez ce message${NBSP}: votre mot de passe reste inchangé.`,
      },
    ]
    return render('fr', subject, blocks, intro)
  }
  const subject = input.activation
    ? `Activate your ${org} account on ${product}`
    : `Reset your ${org} password on ${product}`
  const intro = input.activation
    ? `You asked for a new link to activate your ${org} account on ${product}. Choose your password to activate it.`
    : `We received a request to reset the password of your ${org} account on ${product}.`
  const blocks: Block[] = [
    { kind: 'p', text: `Hello ${input.firstName},` },
    { kind: 'p', text: intro },
    {
      kind: 'button',
      label: input.activation ? 'Activate my account' : 'Choose a new password',
      href: input.link,
    },
    { kind: 'p', text: `This link works once and is valid until ${until}.` },
    {
      kind: 'fallback',
      text: 'If the button does not work, copy this link into your browser:',
      href: input.link,
    },
    {
      kind: 'small',
      text: input.activation
        ? 'If you did not ask for this, you can ignore this email: nothing changes.'
        : 'If you did not ask for this, you can ignore this email: your password stays as it is.',
    },
  ]
  return render('en', subject, blocks, intro)
}
