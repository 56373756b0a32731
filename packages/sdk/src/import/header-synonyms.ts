import type { LocaleKey } from '@usher/contract'

/**
 * The columns an import file may carry: each contract field of an import row, plus `fullName`
 * (a display name, split into first and last name where those are empty) and `principalName`
 * (a directory's sign-in name, the address of a row whose email cell is empty), with the headers
 * each is known by in English and French. One list feeds the automatic mapping, the sample files
 * and the wizard's column labels.
 *
 * Directory downloads are covered by name: Microsoft Entra ID's "Download users" CSV
 * (`userPrincipalName`, `givenName`, `surname`, `mail`, `objectId`, `telephoneNumber`, `mobile`,
 * `jobTitle`, `department`, `accountEnabled`) and Google Workspace's user CSV (`First Name
 * [Required]`, `Email Address [Required]`, `Work Phone`, `Mobile Phone`, `Employee ID`,
 * `Employee Title`, `Department`, `Status [READ ONLY]`, `New Status [UPLOAD ONLY]`), whose
 * bracketed suffixes `headerKey` drops.
 */
export const IMPORT_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'fullName',
  'nickname',
  'email',
  'principalName',
  'phone',
  'mobile',
  'jobTitle',
  'department',
  'description',
  'externalId',
  'role',
  'groupId',
  'contactFor',
  'locale',
  'password',
  'enabled',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export interface ImportColumn {
  field: ImportField
  /** The header the sample files use. */
  header: Record<LocaleKey, string>
  /** Other headers seen in exports (Excel, remote-support consoles' technician exports, HR tools); matched loosely. */
  synonyms: readonly string[]
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'salutation',
    header: { en: 'Salutation', fr: 'Civilité' },
    synonyms: ['Courtesy title', 'Honorific', 'Civ', 'Titre de civilité'],
  },
  {
    field: 'firstName',
    header: { en: 'First name', fr: 'Prénom' },
    synonyms: ['givenName', 'Prénom usuel', 'Firstname', 'Given name', 'Forename', 'First', 'Prenom usuel'],
  },
  {
    field: 'lastName',
    header: { en: 'Last name', fr: 'Nom' },
    synonyms: [
      'familyName',
      'Nom patronymique',
      'Surname',
      'Family name',
      'Lastname',
      'Nom de famille',
      'Nom d’usage',
      'Nom de naissance',
    ],
  },
  {
    field: 'fullName',
    header: { en: 'Full name', fr: 'Nom complet' },
    synonyms: [
      'displayName',
      'Nom d’affichage',
      'Nom complet affiché',
      'Name',
      'Display name',
      'Nom et prénom',
      'Prénom et nom',
      'Nom affiché',
    ],
  },
  {
    field: 'nickname',
    header: { en: 'Nickname', fr: 'Surnom' },
    synonyms: ['Alias', 'Pseudo', 'Pseudonyme', 'Nom d’affichage client'],
  },
  {
    field: 'email',
    header: { en: 'Email', fr: 'Adresse e-mail' },
    synonyms: [
      'Primary email',
      'Adresse e-mail principale',
      'E-mail principal',
      'E-mail',
      'Email address',
      'E-mail address',
      'Mail',
      'Courriel',
      'Adresse électronique',
      'Adresse mail',
      'Adresse de messagerie',
      'Work email',
    ],
  },
  {
    field: 'principalName',
    header: { en: 'User principal name', fr: 'Nom d’utilisateur principal' },
    synonyms: [
      'userPrincipalName',
      'UPN',
      'Sign-in name',
      'Nom principal de l’utilisateur',
      'Nom d’utilisateur',
      'Identifiant de connexion',
    ],
  },
  {
    field: 'phone',
    header: { en: 'Phone', fr: 'Téléphone' },
    synonyms: [
      'telephoneNumber',
      'businessPhones',
      'Business phone',
      'Téléphone professionnel',
      'Téléphone de bureau',
      'Telephone',
      'Phone number',
      'Work phone',
      'Office phone',
      'Tél',
      'Tel',
      'Téléphone fixe',
    ],
  },
  {
    field: 'mobile',
    header: { en: 'Mobile', fr: 'Portable' },
    synonyms: [
      'mobilePhone',
      'Téléphone mobile professionnel',
      'Mobile phone',
      'Cell',
      'Cell phone',
      'Mobile number',
      'Téléphone portable',
      'Téléphone mobile',
    ],
  },
  {
    field: 'jobTitle',
    header: { en: 'Job title', fr: 'Fonction' },
    synonyms: [
      'Intitulé du poste',
      'Employee Title',
      'Intitulé de poste',
      'Titre du poste',
      'Title',
      'Position',
      'Job',
      'Fonction',
      'Poste',
      'Titre',
    ],
  },
  {
    field: 'department',
    header: { en: 'Department', fr: 'Service' },
    synonyms: ['Dept', 'Team', 'Département', 'Direction', 'Équipe'],
  },
  {
    field: 'description',
    header: { en: 'Description', fr: 'Description' },
    synonyms: ['Notes', 'Note', 'Comment', 'Comments', 'Commentaire', 'Remarques'],
  },
  {
    field: 'externalId',
    header: { en: 'SSO ID', fr: 'ID SSO' },
    synonyms: [
      'objectId',
      'Object ID',
      'ID d’objet',
      'Identifiant d’objet',
      'Immutable ID',
      'ID de l’employé',
      'External ID',
      'Employee ID',
      'Single sign-on ID',
      'ID d’authentification unique',
      'Identifiant SSO',
      'Identifiant externe',
      'Matricule',
    ],
  },
  {
    field: 'role',
    header: { en: 'Role', fr: 'Rôle' },
    synonyms: ['Roles', 'Rôles', 'User role', 'Profil', 'Rôle utilisateur'],
  },
  {
    field: 'groupId',
    header: { en: 'Group ID', fr: 'ID du groupe' },
    synonyms: [
      'Groups',
      'Groupes',
      'Group name',
      'Nom du groupe',
      'Group names',
      'Noms des groupes',
      'Group IDs',
      'IDs des groupes',
      'Group',
      'Groupe',
      'Technician group ID',
      'ID du groupe de techniciens',
      'Identifiant du groupe',
    ],
  },
  {
    field: 'contactFor',
    header: { en: 'Contact for', fr: 'Contact pour' },
    synonyms: ['Topics', 'Sujets', 'Référent pour'],
  },
  {
    field: 'locale',
    header: { en: 'Language', fr: 'Langue' },
    synonyms: ['Locale', 'Lang', 'Preferred language', 'Langue préférée'],
  },
  {
    field: 'password',
    header: { en: 'Password', fr: 'Mot de passe' },
    synonyms: ['Initial password', 'Mot de passe initial', 'Nouveau mot de passe', 'New password'],
  },
  {
    field: 'enabled',
    header: { en: 'Enabled', fr: 'Actif' },
    synonyms: [
      'accountEnabled',
      'Account enabled',
      'Compte activé',
      'Compte actif',
      'New Status',
      'Nouvel état',
      'Active',
      'Status',
      'Activé',
      'État',
      'Statut',
      'Technicien est activé',
      'Is enabled',
    ],
  },
]

/**
 * A trailing note in brackets or parentheses, as templates mark their columns: `[Required]`,
 * `[READ ONLY]`, `(obligatoire)`, `[MUST BE IN THE E.164 FORMAT]`.
 */
const HEADER_NOTE = /\s*(\[[^\]]*\]|\([^)]*\))\s*$/

/**
 * A header's comparison key: accents, case, spaces and punctuation do not count, so "Prénom",
 * "PRENOM" and "prénom " match, and so do "E-mail" and "Email"; a trailing note in brackets
 * (`First Name [Required]`) and marks around the name (`*Email*`) go first.
 */
export function headerKey(header: string): string {
  let name = header.trim()
  for (let note = HEADER_NOTE.exec(name); note && note.index > 0; note = HEADER_NOTE.exec(name)) {
    name = name.slice(0, note.index)
  }
  return looseKey(name)
}

/**
 * A written name's comparison key, for the words of a cell (a group, a role, a salutation):
 * accents, case, spaces and punctuation do not count, so « Clients Nord » and "clients-nord" match.
 */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

let lookup: Map<string, ImportField> | null = null

/** The field a header names, or null for a column the import does not know. */
export function fieldForHeader(header: string): ImportField | null {
  if (!lookup) {
    lookup = new Map()
    for (const column of IMPORT_COLUMNS) {
      for (const name of [column.field, column.header.en, column.header.fr, ...column.synonyms]) {
        const key = headerKey(name)
        // First declared wins: "Nom" is the last name (with "Prénom" beside it), not a full name.
        if (!lookup.has(key)) lookup.set(key, column.field)
      }
    }
  }
  return lookup.get(headerKey(header)) ?? null
}
