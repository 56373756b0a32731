/**
 * The scheduler's messages about invitations: the one reminder before an invitation lapses (to
 * the invitee, in their language) and the notice that it lapsed (to whoever sent it, or an owner).
 * Same conventions as `templates.ts`: escaped values, the organization's time zone, gender-neutral
 * French with elision and no-break spaces.
 */
import { frenchDe } from '@usher/contract'
import { type Block, formatExpiry, type MailLocale, NBSP, type RenderedMail, render } from './templates'

export interface InvitationExpiryReminderInput {
  locale: MailLocale
  productName: string
  organizationName: string
  inviterName: string | null
  firstName: string
  expiresAt: Date
  timeZone: string
  /**
   * Where a person asks for an activation link (the password reset page): the reminder cannot
   * carry the invitation's own link, whose token is kept only as a hash, and renews nothing.
   */
  activationUrl: string
}

export function renderInvitationExpiryReminder(input: InvitationExpiryReminderInput): RenderedMail {
  const { organizationName: org, productName: product } = input
  const until = formatExpiry(input.expiresAt, input.locale, input.timeZone)
  const inviter = input.inviterName?.trim() || null
  if (input.locale === 'fr') {
    const subject = `Rappel${NBSP}: votre invitation à rejoindre ${org} expire bientôt`
    const intro = inviter
      ? `${inviter} vous invite à rejoindre ${org} sur ${product}, et l’invitation n’a pas encore été acceptée.`
      : `Une invitation à rejoindre ${org} sur ${product} vous attend et n’a pas encore été acceptée.`
    const blocks: Block[] = [
      { kind: 'p', text: `Bonjour ${input.firstName},` },
      { kind: 'p', text: intro },
      { kind: 'p', text: `Elle reste valable jusqu’au ${until}.` },
      {
        kind: 'p',
        text: `Pour l’accepter, ouvrez le message d’invitation et suivez son bouton. Vous ne le retrouvez pas${NBSP}? Demandez un lien d’activation${NBSP}:`,
      },
      { kind: 'button', label: 'Recevoir un lien d’activation', href: input.activationUrl },
      {
        kind: 'small',
        text: `Vous n’attendiez pas cette invitation${NBSP}? Ignorez simplement ce message${NBSP}: elle expirera d’elle-même.`,
      },
    ]
    return render('fr', subject, blocks, intro)
  }
  const subject = `Reminder: your invitation to join ${org} expires soon`
  const intro = inviter
    ? `${inviter} invited you to join ${org} on ${product}, and the invitation has not been accepted yet.`
    : `An invitation to join ${org} on ${product} is waiting for you and has not been accepted yet.`
  const blocks: Block[] = [
    { kind: 'p', text: `Hello ${input.firstName},` },
    { kind: 'p', text: intro },
    { kind: 'p', text: `It is valid until ${until}.` },
    {
      kind: 'p',
      text: 'To accept it, open the invitation email and follow its button. Cannot find it? Ask for an activation link:',
    },
    { kind: 'button', label: 'Get an activation link', href: input.activationUrl },
    {
      kind: 'small',
      text: 'Not expecting this invitation? You can safely ignore this email: it will lapse on its own.',
    },
  ]
  return render('en', subject, blocks, intro)
}

export interface InvitationLapsedInput {
  locale: MailLocale
  productName: string
  organizationName: string
  /** The recipient: the person who sent the invitation, or an owner. */
  firstName: string
  inviteeName: string
  inviteeEmail: string
  expiredAt: Date
  timeZone: string
  /** The person who sent it is no longer a member: an owner is told instead. */
  toOwner: boolean
}

export function renderInvitationLapsed(input: InvitationLapsedInput): RenderedMail {
  const { organizationName: org, productName: product } = input
  const when = formatExpiry(input.expiredAt, input.locale, input.timeZone)
  const who = `${input.inviteeName} (${input.inviteeEmail})`
  if (input.locale === 'fr') {
    const subject = `L’invitation ${frenchDe(input.inviteeName)} à rejoindre ${org} a expiré`
    const intro = `${who} n’a pas accepté l’invitation à rejoindre ${org} sur ${product} avant son expiration, le ${when}.`
    const blocks: Block[] = [
      { kind: 'p', text: `Bonjour ${input.firstName},` },
      { kind: 'p', text: intro },
      {
        kind: 'p',
        text: `Pour l’inviter de nouveau, choisissez «${NBSP}Renvoyer l’invitation${NBSP}» sur sa ligne de la liste des utilisateurs${NBSP}: un nouveau lien part, avec une nouvelle date d’expiration.`,
      },
      ...(input.toOwner
        ? [
            {
              kind: 'small' as const,
              text: 'Ce message vous parvient parce que la personne qui a envoyé l’invitation ne fait plus partie de l’organisation.',
            },
          ]
        : []),
    ]
    return render('fr', subject, blocks, intro)
  }
  const subject = `The invitation of ${input.inviteeName} to join ${org} has lapsed`
  const intro = `${who} did not accept the invitation to join ${org} on ${product} before it lapsed on ${when}.`
  const blocks: Block[] = [
    { kind: 'p', text: `Hello ${input.firstName},` },
    { kind: 'p', text: intro },
    {
      kind: 'p',
      text: 'To invite them again, choose “Resend invitation” on their row of the users list: a new link goes out, with a new expiry date.',
    },
    ...(input.toOwner
      ? [
          {
            kind: 'small' as const,
            text: 'You receive this message because the person who sent the invitation is no longer a member of the organization.',
          },
        ]
      : []),
  ]
  return render('en', subject, blocks, intro)
}
