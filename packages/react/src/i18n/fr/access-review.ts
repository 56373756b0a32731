import type { Messages } from '../types'

/** Owned by the access-review component. */
export const accessReview: Messages['accessReview'] = {
  title: 'Revue des accès',
  intro:
    'De temps en temps, vérifiez qui a quel rôle et quels groupes partagés\u00a0: chaque administrateur confirme ou retire ce qui relève de ses groupes.',
  loading: 'Chargement de la revue des accès…',
  error: 'La revue des accès n’a pas pu être chargée\u00a0: {{reason}}',
  unavailable: 'Les revues des accès ne sont pas disponibles avec ce serveur.',
  none: 'Aucune revue des accès n’a encore été lancée.',
  ownerStarts:
    'Le propriétaire lance une revue\u00a0; vous confirmerez ou retirerez alors les accès des personnes que vous gérez.',
  start: 'Lancer une revue',
  starting: 'Lancement…',
  startAgain: 'Lancer une nouvelle revue',
  open: 'Revue lancée le {{date}} par {{name}}.',
  closed:
    'Dernière revue clôturée le {{date}}. Confirmés\u00a0: {{confirmed}} · retirés\u00a0: {{removed}} · non examinés\u00a0: {{pending}}.',
  progress: {
    one: 'Lignes décidées dans votre périmètre\u00a0: {{done}} sur {{count}}.',
    other: 'Lignes décidées dans votre périmètre\u00a0: {{done}} sur {{count}}.',
  },
  reviewers: 'Réviseurs',
  reviewerLeft: {
    zero: '{{name}}\u00a0: terminé',
    one: '{{name}}\u00a0: {{count}} ligne restante',
    other: '{{name}}\u00a0: {{count}} lignes restantes',
  },
  remind: 'Relancer les réviseurs',
  reminding: 'Envoi…',
  reminded: {
    zero: 'Personne n’avait de ligne en attente\u00a0: aucune relance envoyée.',
    one: 'Une relance a été envoyée à 1 réviseur.',
    other: 'Une relance a été envoyée à {{count}} réviseurs.',
  },
  remindedAt: 'Dernière relance le {{date}}.',
  remindsEvery: {
    one: 'Les réviseurs qui ont des lignes en attente sont relancés par e-mail chaque jour.',
    other: 'Les réviseurs qui ont des lignes en attente sont relancés par e-mail tous les {{count}} jours.',
  },
  close: 'Clôturer la revue',
  closeTitle: 'Clôturer cette revue des accès\u00a0?',
  closeDescription:
    'Les lignes que personne n’a décidées restent «\u00a0non examinées\u00a0» dans le bilan. Le bilan est inscrit au journal d’audit.',
  closeConfirm: 'Clôturer la revue',
  export: 'Télécharger le bilan (CSV)',
  exporting: 'Préparation du fichier…',
  filter: 'Afficher',
  filters: { pending: 'À décider', all: 'Toutes les lignes' },
  empty: 'Rien à examiner dans vos groupes.',
  emptyPending: 'Toutes les lignes de votre périmètre sont décidées.',
  lines: 'Lignes de la revue',
  columns: { person: 'Personne', access: 'Accès', decision: 'Décision' },
  roleLine: 'Rôle\u00a0: {{role}}',
  shareLine: 'Groupe partagé\u00a0: {{group}} ({{permission}})',
  permission: { view: 'consultation', manage: 'gestion' },
  decision: { pending: 'À décider', confirmed: 'Confirmé', removed: 'Retiré' },
  decidedBy: '{{decision}} par {{name}}',
  notYours: 'Décidé par un autre réviseur',
  confirm: 'Confirmer',
  confirmLabel: 'Confirmer\u00a0: {{line}} pour {{name}}',
  remove: 'Retirer',
  removeLabel: 'Retirer\u00a0: {{line}} pour {{name}}',
  removeRoleTitle: 'Désactiver le compte de {{name}}\u00a0?',
  removeRoleDescription:
    '{{name}} ne pourra plus se connecter. Vous pourrez réactiver le compte depuis la liste des utilisateurs.',
  removeShareTitle: 'Ne plus partager {{group}} avec {{name}}\u00a0?',
  removeShareDescription: '{{name}} ne verra plus {{group}}.',
  removeConfirm: 'Retirer',
  failed: 'La décision n’a pas été enregistrée\u00a0: {{reason}}',
  more: 'Afficher plus de lignes',
}
