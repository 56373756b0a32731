import type { LocaleKey } from '@usher/contract'

/**
 * The columns an import file may carry: each contract field of an import row (plus `fullName`,
 * split into first and last name), with the headers it is known by in English and French. One
 * list feeds the automatic mapping, the sample files and the wizard's column labels.
 */
export const IMPORT_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'fullName',
  'nickname',
  'email',
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
    synonyms: ['Firstname', 'Given name', 'Forename', 'First', 'Prenom usuel'],
  },
  {
    field: 'lastName',
    header: { en: 'Last name', fr: 'Nom' },
    synonyms: ['Surname', 'Family name', 'Lastname', 'Nom de famille', 'Nom d’usage', 'Nom de naissance'],
  },
  {
    field: 'fullName',
    header: { en: 'Full name', fr: 'Nom complet' },
    synonyms: ['Name', 'Display name', 'Nom et prénom', 'Prénom et nom', 'Nom affiché'],
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
    field: 'phone',
    header: { en: 'Phone', fr: 'Téléphone' },
    synonyms: ['Telephone', 'Phone number', 'Work phone', 'Office phone', 'Tél', 'Tel', 'Téléphone fixe'],
  },
  {
    field: 'mobile',
    header: { en: 'Mobile', fr: 'Portable' },
    synonyms: [
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
    header: { en: 'Job title', fr: 'Intitulé du poste' },
    synonyms: ['Title', 'Position', 'Job', 'Fonction', 'Poste', 'Titre'],
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
    synonyms: ['User role', 'Profil', 'Rôle utilisateur'],
  },
  {
    field: 'groupId',
    header: { en: 'Group ID', fr: 'ID du groupe' },
    synonyms: [
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
    synonyms: ['Active', 'Status', 'Activé', 'État', 'Statut', 'Technicien est activé', 'Is enabled'],
  },
]

/**
 * A header's comparison key: accents, case, spaces and punctuation do not count, so "Prénom",
 * "PRENOM" and "prénom " match, and so do "E-mail" and "Email".
 */
export function headerKey(header: string): string {
  return header
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
