import { frenchDe, type Locale, type RoleCatalog } from '@usher/contract'
import { escapeHtml, NBSP } from '../mail/templates'
import type { ItemRow } from './access-review'
import { iso } from './time'
import { type ExportCell, exportFileName } from './user-export'

const HEADERS: Record<Locale, string[]> = {
  en: ['Person', 'Email', 'Role', 'Shared group', 'Permission', 'Decision', 'Decided by', 'Decided at (UTC)'],
  fr: [
    'Personne',
    'E-mail',
    'Rôle',
    'Groupe partagé',
    'Autorisation',
    'Décision',
    'Décidé par',
    'Décidé le (UTC)',
  ],
}

const DECISIONS: Record<Locale, Record<ItemRow['decision'], string>> = {
  en: { pending: 'Not reviewed', confirmed: 'Confirmed', removed: 'Removed' },
  fr: { pending: 'Non examiné', confirmed: 'Confirmé', removed: 'Retiré' },
}

const PERMISSIONS: Record<Locale, Record<'view' | 'manage', string>> = {
  en: { view: 'View', manage: 'Manage' },
  fr: { view: 'Consultation', manage: 'Gestion' },
}

const BUILT_IN_ROLE_NAMES: Record<Locale, Record<string, string>> = {
  en: { owner: 'Owner', admin: 'Administrator', technician: 'Technician' },
  fr: { owner: 'Propriétaire', admin: 'Administrateur', technician: 'Technicien' },
}

/** The CSV rows of a review's lines: one per role and per shared group, with its outcome. */
export function outcomeRows(rows: readonly ItemRow[], locale: Locale, roles: RoleCatalog): ExportCell[][] {
  const roleName = (key: string) => roles.labelOf(key, locale) ?? BUILT_IN_ROLE_NAMES[locale][key] ?? key
  return [
    HEADERS[locale],
    ...rows.map((row) => [
      row.user_name || row.user_email,
      row.user_email,
      roleName(row.role),
      row.group_name ?? '',
      row.permission ? PERMISSIONS[locale][row.permission] : '',
      DECISIONS[locale][row.decision],
      row.decided_by_name ?? '',
      row.decided_at ? iso(row.decided_at).slice(0, 16).replace('T', ' ') : '',
    ]),
  ]
}

/** "acme-access-review-2026-12-02.csv", after the day the review started. */
export function outcomeFileName(organization: string, startedAt: Date, locale: Locale): string {
  const members = exportFileName(organization, startedAt, locale)
  return members.replace(
    locale === 'fr' ? '-membres-' : '-members-',
    locale === 'fr' ? '-revue-des-acces-' : '-access-review-',
  )
}

/** The reminder a reviewer with lines left receives, in their language. */
export function reminderMail(input: {
  locale: string
  firstName: string
  organizationName: string
  pending: number
}): { subject: string; text: string; html: string } {
  const { firstName, organizationName: org, pending } = input
  const fr = input.locale === 'fr'
  const subject = fr
    ? `Revue des accès ${frenchDe(org)}${NBSP}: ${pending} à examiner`
    : `${org} access review: ${pending} left to review`
  const lines = fr
    ? [
        `Bonjour ${firstName},`,
        `La revue des accès ${frenchDe(org)} attend encore votre décision sur ${pending === 1 ? 'une ligne' : `${pending} lignes`} (rôles et groupes partagés des personnes que vous gérez).`,
        'Ouvrez Paramètres → Revue des accès pour confirmer ou retirer chaque accès.',
      ]
    : [
        `Hello ${firstName},`,
        `The ${org} access review still waits for your decision on ${pending === 1 ? 'one line' : `${pending} lines`} (roles and shared groups of the people you manage).`,
        'Open Settings → Access review to confirm or remove each access.',
      ]
  return {
    subject,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${fr ? 'fr' : 'en'}"><body>${lines
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}</body></html>`,
  }
}

/** Whether a reminder went out less than an hour before `now`. */
export function remindedRecently(remindedAt: Date | null, now: Date): boolean {
  return !!remindedAt && now.getTime() - new Date(remindedAt).getTime() < 3_600_000
}
