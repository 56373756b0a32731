/**
 * The notice to a person whose existing account was added to an organization at once (its
 * `existingAccounts` setting is `add`): who added them, where, with which role, and where to sign
 * in with the password they already have. Same conventions as `templates.ts`: escaped values,
 * gender-neutral French (« a ajouté votre compte », never « vous a ajouté·e »), elision and
 * no-break spaces.
 */
import { frenchDe } from '@usher/contract'
import { type Block, type MailLocale, NBSP, type RenderedMail, render } from './templates'

export interface MembershipAddedMailInput {
  locale: MailLocale
  productName: string
  organizationName: string
  /** Who added them; null when nobody is named (the caller has no name). */
  adderName: string | null
  /** The account's own first name: the person chose it, not the administrator. */
  firstName: string
  /** The role's name in `locale`. */
  roleName: string
  /** The sign-in page: nothing to accept, the person signs in as they already do. */
  link: string
}

export function renderMembershipAddedMail(input: MembershipAddedMailInput): RenderedMail {
  const { organizationName: org, productName: product, roleName: role } = input
  const adder = input.adderName?.trim() || null
  if (input.locale === 'fr') {
    const subject = adder
      ? `${adder} a ajouté votre compte à ${org} sur ${product}`
      : `Votre compte a été ajouté à ${org} sur ${product}`
    const intro = `${subject}, en tant que ${role}.`
    const blocks: Block[] = [
      { kind: 'p', text: `Bonjour ${input.firstName},` },
      { kind: 'p', text: intro },
      {
        kind: 'p',
        text: `Rien à accepter ni à créer${NBSP}: connectez-vous avec votre adresse e-mail et votre mot de passe habituels, puis choisissez ${org} parmi vos organisations.`,
      },
      { kind: 'button', label: 'Se connecter', href: input.link },
      {
        kind: 'fallback',
        text: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
        href: input.link,
      },
      {
        kind: 'small',
        text: adder
          ? `Cet ajout vous surprend${NBSP}? Parlez-en à ${adder}${NBSP}: votre mot de passe n’a pas changé.`
          : `Cet ajout vous surprend${NBSP}? Parlez-en à l’administration ${frenchDe(org)}${NBSP}: votre mot de passe n’a pas changé.`,
      },
    ]
    return render('fr', subject, blocks, intro)
  }
  const subject = adder
    ? `${adder} added you to ${org} on ${product}`
    : `You were added to ${org} on ${product}`
  const intro = `${subject}, as ${role}.`
  const blocks: Block[] = [
    { kind: 'p', text: `Hello ${input.firstName},` },
    { kind: 'p', text: intro },
    {
      kind: 'p',
      text: `There is nothing to accept or register: sign in with your usual email address and password, then choose ${org} among your organizations.`,
    },
    { kind: 'button', label: 'Sign in', href: input.link },
    {
      kind: 'fallback',
      text: 'If the button does not work, copy this link into your browser:',
      href: input.link,
    },
    {
      kind: 'small',
      text: adder
        ? `Not expecting this? Ask ${adder}: your password has not changed.`
        : `Not expecting this? Ask the administrators of ${org}: your password has not changed.`,
    },
  ]
  return render('en', subject, blocks, intro)
}
