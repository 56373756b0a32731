import type { Messages } from '../types'

export const roles: Messages['roles'] = {
  owner: 'Propriétaire',
  admin: 'Administrateur',
  technician: 'Technicien',
  custom: 'Rôle personnalisé ({{key}})',
  mayDo: 'Peut :',
  nothing: 'Voir ses groupes partagés et son propre profil.',
}

export const permissions: Messages['permissions'] = {
  'users:read': 'voir les utilisateurs',
  'users:invite': 'inviter des personnes',
  'users:update': 'modifier les utilisateurs et les rôles',
  'users:delete': 'supprimer des utilisateurs',
  'groups:manage': 'gérer les groupes',
  'shares:manage': 'partager des groupes',
  'imports:run': 'importer des utilisateurs',
  'audit:read': 'consulter le journal d’audit',
  'organization:manage': 'gérer l’organisation',
}

export const status: Messages['status'] = {
  invited: 'Invité',
  // The noun carries its own gender beside Invité / Actif / Désactivé (said of the person).
  expired: 'Invitation expirée',
  active: 'Actif',
  disabled: 'Désactivé',
  invitedExpires: 'Invité, expire {{when}}',
  expiredSince: 'Invitation expirée {{when}}',
}

export const seatUsage: Messages['seatUsage'] = {
  label: 'Postes',
  used: { one: '{{count}} sur {{allowed}} utilisé', other: '{{count}} sur {{allowed}} utilisés' },
  after: {
    one: '({{count}} sur {{allowed}} avec ce formulaire)',
    other: '({{count}} sur {{allowed}} avec ce formulaire)',
  },
  unlimited: { one: '{{count}} utilisé (illimité)', other: '{{count}} utilisés (illimité)' },
  full: 'Tous les postes sont pris.',
  fills: 'Ce formulaire prend les derniers postes.',
  over: {
    one: 'Ce formulaire dépasse l’offre de {{count}} poste.',
    other: 'Ce formulaire dépasse l’offre de {{count}} postes.',
  },
  overNow: {
    one: 'L’offre est dépassée de {{count}} poste.',
    other: 'L’offre est dépassée de {{count}} postes.',
  },
  counts: { one: '{{count}} utilisateur', other: '{{count}} utilisateurs' },
}
