import type { Messages } from '../types'

export const organizationSettings: Messages['organizationSettings'] = {
  title: 'Organisation',
  readOnly: 'Seul le propriétaire modifie ces paramètres ; vous pouvez les consulter.',
  forbidden: 'Vous ne pouvez pas voir les paramètres de cette organisation.',
  loading: 'Chargement des paramètres…',
  error: 'Les paramètres n’ont pas pu être chargés\u00a0: {{reason}}',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Paramètres enregistrés.',
  conflict:
    'Quelqu’un d’autre a enregistré ces paramètres pendant que vous les modifiiez. Rechargez pour voir les siens, puis refaites vos changements.',
  reload: 'Recharger',
  failed: 'Les paramètres n’ont pas été enregistrés\u00a0: {{reason}}',
  team: { legend: 'Équipe', name: 'Nom de l’équipe' },
  invitations: {
    legend: 'Invitations',
    lifetime: 'Durée de validité des invitations (jours)',
    lifetimeHint:
      'De 1 à 90 jours. Les invitations déjà envoyées gardent leur date d’expiration\u00a0; la nouvelle durée s’applique aux invitations envoyées ou renvoyées à partir de maintenant.',
    reminders: 'Relancer les personnes qui n’ont pas accepté avant l’expiration de leur invitation',
    reminderDays: 'Jours avant l’expiration',
    remindersHint:
      'Une seule relance, dans la langue de la personne invitée. Elle ne renouvelle rien : l’invitation garde son lien et sa date d’expiration. Quand une invitation expire, la personne qui l’a envoyée en est informée par e-mail.',
  },
  mailProblems: {
    title: 'Problèmes d’envoi',
    summary: {
      one: 'Un message n’a pas pu être remis.',
      other: '{{count}} messages n’ont pas pu être remis.',
    },
    gaveUp: {
      one: 'Usher a renoncé à l’un d’eux : vérifiez l’adresse ou le serveur d’envoi, puis renvoyez-le.',
      other:
        'Usher a renoncé à {{count}} d’entre eux : vérifiez les adresses ou le serveur d’envoi, puis renvoyez-les.',
    },
    retrying: 'Usher continue d’essayer pour les autres.',
    item: '{{to}} · {{subject}}',
    reason: 'Dernière erreur : {{reason}}',
    attempts: { one: 'Une tentative.', other: '{{count}} tentatives.' },
    nextAttempt: 'Prochain essai : {{when}}.',
    gaveUpAt: 'Abandonné : {{when}}.',
    error: 'Les problèmes d’envoi n’ont pas pu être chargés : {{reason}}',
  },
  mailboxes: {
    legend: 'Boîtes aux lettres refusées',
    hint: 'Les adresses dont le nom avant le @ est l’un de ceux-ci sont des boîtes partagées de service\u00a0: personne ne peut être invité avec.',
    add: 'Ajouter un nom de boîte',
    addButton: 'Ajouter',
    remove: 'Retirer {{name}}',
    reset: 'Rétablir la liste par défaut',
    test: 'Essayer une adresse',
    refused: '{{email}} serait refusée.',
    accepted: '{{email}} serait acceptée.',
    duplicate: '{{name}} est déjà dans la liste.',
  },
  password: {
    legend: 'Mots de passe',
    minLength: 'Longueur minimale',
    minStrength: 'Robustesse minimale',
    strengths: { s0: 'Aucune', s1: 'Faible', s2: 'Moyenne', s3: 'Bonne', s4: 'Forte' },
    forceChange: 'Un mot de passe défini par un administrateur doit être changé à la connexion suivante',
  },
  topics: {
    legend: 'Sujets «\u00a0contact pour\u00a0»',
    hint: 'Chaque personne peut être désignée comme contact pour ces sujets.',
    label: 'Nom de {{name}}',
    add: 'Nouveau sujet',
    addButton: 'Ajouter',
    remove: 'Retirer {{name}}',
    inUse: {
      one: '{{name}} est le contact pour ce sujet\u00a0: {{people}}.',
      other: '{{count}} personnes sont contacts pour ce sujet\u00a0: {{people}}.',
    },
    confirmRemove: 'Retirer quand même',
    keep: 'Le garder',
  },
  timeZone: {
    legend: 'Fuseau horaire',
    label: 'Fuseau horaire de l’organisation',
    hint: 'Les dates et heures des e-mails envoyés par Usher sont écrites dans ce fuseau.',
  },
  seats: {
    legend: 'Postes',
    hint: 'Fixés par votre offre.',
    roles: 'Rôles qui occupent un poste\u00a0: {{roles}}.',
    noRoles: 'Aucun rôle n’occupe de poste.',
  },
}
