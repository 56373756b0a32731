import { createContext, useContext } from 'react'

export type DemoLocale = 'en' | 'fr'

/** The host's own strings (Usher's components bring theirs). */
const en = {
  product: 'Relai Support',
  productTagline: 'Remote support',
  skipToContent: 'Skip to content',
  header: {
    organization: 'Organization',
    account: 'Signed in as',
    language: 'Language',
    theme: 'Theme',
    menu: 'Account and display',
    themes: { light: 'Light', dark: 'Dark', system: 'System' },
    disabled: 'disabled',
  },
  personas: { owner: 'Owner', admin: 'Group admin', technician: 'Technician' },
  nav: {
    label: 'Main menu',
    work: 'Support',
    customers: 'Customers',
    settings: 'Settings',
    users: 'Users',
    invite: 'Invite',
    groups: 'Groups',
    directorySync: 'Directory sync',
    accessReview: 'Access review',
    outbox: 'Outbox',
    activity: 'Activity',
    organization: 'Organization',
  },
  activity: { heading: 'Who did what' },
  accessReview: { heading: 'Who keeps which access' },
  organization: { heading: 'How your team works' },
  customers: {
    title: 'Customers',
    introManager: 'The customer groups you look after, with their subgroups.',
    introTechnician:
      'The customer groups shared with you: you assist their devices and receive their alarms.',
    listLabel: 'Customer groups',
    loading: 'Loading the customer groups…',
    error: 'The customer groups could not be loaded.',
    emptyTechnician:
      'No customer group is shared with you yet. An administrator chooses the customers you assist.',
    emptyManager: 'No customer groups yet.',
    members: { one: '{{count}} member', other: '{{count}} members' },
    access: 'Access:',
    share: 'Share…',
    shareFor: 'Share {{group}} with people',
    view: 'View',
    manage: 'Manage',
  },
  groups: {
    title: 'Groups',
    intro:
      'The customer groups: add, rename, move or delete them, and share each with the people who assist it.',
  },
  users: {
    title: 'Users',
    intro: 'Everyone in {{org}}: roles, invitations and the customer groups each technician can reach.',
    phone: 'Phone',
    import: 'Import…',
  },
  invite: {
    title: 'Invite colleagues',
    notAllowed: 'Your role does not allow inviting people. Ask an owner or an admin.',
    sent: { one: 'Invitation sent.', other: '{{count}} invitations sent.' },
    seeOutbox: 'See the emails in the Outbox',
  },
  outbox: {
    title: 'Outbox',
    intro:
      'The emails Relai Support sent for {{org}}. This demo delivers no mail: follow a link here to see where it leads.',
    refresh: 'Refresh',
    loading: 'Loading the emails…',
    error: 'The emails could not be loaded.',
    empty: 'No emails yet. Invite someone and the invitation shows up here.',
    to: 'To',
    subject: 'Subject',
    date: 'Date',
    link: 'Link',
    openLink: 'Open the link',
    openLinkFor: 'Open the link of the email to {{to}}',
    noLink: 'No link',
    showEmail: 'Show the email',
    hideEmail: 'Hide the email',
    showEmailFor: 'Show the email to {{to}}',
    hideEmailFor: 'Hide the email to {{to}}',
    preview: 'Email to {{to}}',
    count: { one: '{{count}} email', other: '{{count}} emails' },
  },
  accept: {
    title: 'Accept the invitation',
    missingToken: 'This link has no token.',
    toSettings: 'Go to the settings',
  },
  reset: {
    title: 'Your password',
  },
  signIn: {
    title: 'Your Relai Support account',
    intro:
      'Usher’s built-in sign-in: every seeded account with a password signs in with the demo password (see apps/demo/README.md).',
    link: 'Sign in with a password',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    switchFailed: 'The organization could not be opened; try again.',
  },
  legal: {
    termsTitle: 'Terms of use',
    termsBody: 'Relai Support is a demo: these would be the product’s terms of use.',
    privacyTitle: 'Privacy policy',
    privacyBody: 'Relai Support is a demo: this would be the product’s privacy policy.',
  },
  backToSettings: 'Back to the settings',
  notFound: { title: 'Page not found', body: 'There is nothing at this address.' },
  boot: {
    loading: 'Loading the demo…',
    signingIn: 'Signing in as {{name}}…',
    unreachable: 'The demo server does not answer.',
    noAccounts: 'The demo has no accounts to sign in with. Restart it with --reset.',
    retry: 'Try again',
  },
}

type Catalog = typeof en
type Plural = { one: string; other: string }

const fr: Catalog = {
  product: 'Relai Support',
  productTagline: 'Assistance à distance',
  skipToContent: 'Aller au contenu',
  header: {
    organization: 'Organisation',
    account: 'Connecté en tant que',
    language: 'Langue',
    theme: 'Thème',
    menu: 'Compte et affichage',
    themes: { light: 'Clair', dark: 'Sombre', system: 'Système' },
    disabled: 'désactivé',
  },
  personas: { owner: 'Propriétaire', admin: 'Admin de groupe', technician: 'Technicien' },
  nav: {
    label: 'Menu principal',
    work: 'Assistance',
    customers: 'Clients',
    settings: 'Paramètres',
    users: 'Utilisateurs',
    invite: 'Inviter',
    groups: 'Groupes',
    directorySync: 'Synchronisation d’annuaire',
    accessReview: 'Revue des accès',
    outbox: 'Boîte d’envoi',
    activity: 'Activité',
    organization: 'Organisation',
  },
  activity: { heading: 'Qui a fait quoi' },
  accessReview: { heading: 'Qui garde quels accès' },
  organization: { heading: 'Le fonctionnement de votre équipe' },
  customers: {
    title: 'Clients',
    introManager: 'Les groupes de clients dont vous vous occupez, avec leurs sous-groupes.',
    introTechnician:
      'Les groupes de clients partagés avec vous : vous assistez leurs appareils et recevez leurs alarmes.',
    listLabel: 'Groupes de clients',
    loading: 'Chargement des groupes de clients…',
    error: 'Impossible de charger les groupes de clients.',
    emptyTechnician:
      'Aucun groupe de clients n’est encore partagé avec vous. Un administrateur choisit les clients que vous assistez.',
    emptyManager: 'Aucun groupe de clients pour l’instant.',
    members: { one: '{{count}} membre', other: '{{count}} membres' },
    access: 'Accès :',
    share: 'Partager…',
    shareFor: 'Partager {{group}} avec des personnes',
    view: 'Consultation',
    manage: 'Gestion',
  },
  groups: {
    title: 'Groupes',
    intro:
      'Les groupes de clients : ajoutez-les, renommez-les, déplacez-les ou supprimez-les, et partagez chacun avec les personnes qui l’assistent.',
  },
  users: {
    title: 'Utilisateurs',
    intro:
      'Toutes les personnes de l’organisation {{org}} : rôles, invitations et groupes de clients auxquels chaque technicien a accès.',
    phone: 'Téléphone',
    import: 'Importer…',
  },
  invite: {
    title: 'Inviter des collègues',
    notAllowed:
      'Votre rôle ne permet pas d’inviter des personnes. Adressez-vous à un propriétaire ou à un administrateur.',
    sent: { one: 'Invitation envoyée.', other: '{{count}} invitations envoyées.' },
    seeOutbox: 'Voir les e-mails dans la boîte d’envoi',
  },
  outbox: {
    title: 'Boîte d’envoi',
    intro:
      'Les e-mails envoyés par Relai Support pour {{org}}. Cette démo n’envoie aucun courrier : suivez un lien ici pour voir où il mène.',
    refresh: 'Actualiser',
    loading: 'Chargement des e-mails…',
    error: 'Impossible de charger les e-mails.',
    empty: 'Aucun e-mail pour l’instant. Invitez quelqu’un : l’invitation apparaîtra ici.',
    to: 'Destinataire',
    subject: 'Objet',
    date: 'Date',
    link: 'Lien',
    openLink: 'Ouvrir le lien',
    openLinkFor: 'Ouvrir le lien de l’e-mail à {{to}}',
    noLink: 'Aucun lien',
    showEmail: 'Afficher l’e-mail',
    hideEmail: 'Masquer l’e-mail',
    showEmailFor: 'Afficher l’e-mail à {{to}}',
    hideEmailFor: 'Masquer l’e-mail à {{to}}',
    preview: 'E-mail à {{to}}',
    count: { one: '{{count}} e-mail', other: '{{count}} e-mails' },
  },
  accept: {
    title: 'Accepter l’invitation',
    missingToken: 'Ce lien ne contient pas de jeton.',
    toSettings: 'Aller aux paramètres',
  },
  reset: {
    title: 'Votre mot de passe',
  },
  signIn: {
    title: 'Votre compte Relai Support',
    intro:
      'La connexion intégrée d’Usher : chaque compte de démonstration doté d’un mot de passe se connecte avec le mot de passe de la démo (voir apps/demo/README.md).',
    link: 'Se connecter avec un mot de passe',
    signedInAs: 'Connecté en tant que {{name}}',
    signOut: 'Se déconnecter',
    switchFailed: 'L’organisation n’a pas pu être ouverte ; réessayez.',
  },
  legal: {
    termsTitle: 'Conditions d’utilisation',
    termsBody: 'Relai Support est une démo : ici figureraient les conditions d’utilisation du produit.',
    privacyTitle: 'Politique de confidentialité',
    privacyBody: 'Relai Support est une démo : ici figurerait la politique de confidentialité du produit.',
  },
  backToSettings: 'Retour aux paramètres',
  notFound: { title: 'Page introuvable', body: 'Il n’y a rien à cette adresse.' },
  boot: {
    loading: 'Chargement de la démo…',
    signingIn: 'Connexion en tant que {{name}}…',
    unreachable: 'Le serveur de la démo ne répond pas.',
    noAccounts: 'La démo n’a aucun compte avec lequel se connecter. Relancez-la avec --reset.',
    retry: 'Réessayer',
  },
}

export const catalogs: Record<DemoLocale, Catalog> = { en, fr }

/** `'outbox.title'`, `'header.themes.dark'`…: every path to a string or a plural in the catalog. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | Plural ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>
}[keyof T & string]
export type DemoKey = Paths<Catalog>
export type DemoParams = Record<string, string | number>
export type DemoTranslate = (key: DemoKey, params?: DemoParams) => string

export function createDemoTranslator(locale: DemoLocale): DemoTranslate {
  const plural = new Intl.PluralRules(locale)
  return (key, params = {}) => {
    let value: unknown = catalogs[locale]
    for (const part of key.split('.')) value = (value as Record<string, unknown>)[part]
    if (typeof value === 'object' && value !== null) {
      const forms = value as Plural
      value = plural.select(Number(params.count ?? 0)) === 'one' ? forms.one : forms.other
    }
    return String(value).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
  }
}

export const DemoI18nContext = createContext<{ locale: DemoLocale; t: DemoTranslate }>({
  locale: 'en',
  t: createDemoTranslator('en'),
})

export const useDemoI18n = () => useContext(DemoI18nContext)
