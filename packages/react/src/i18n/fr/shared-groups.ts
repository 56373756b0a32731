import type { Messages } from '../types'

export const sharedGroups: Messages['sharedGroups'] = {
  title: 'Groupes partagés',
  titleOne: 'Groupes partagés — {{name}}',
  titleMany: {
    one: 'Groupes partagés — {{count}} utilisateur',
    other: 'Groupes partagés — {{count}} utilisateurs',
  },
  descriptionOne:
    'Choisissez les groupes que {{name}} peut voir, en consultation ou en gestion. Partager un groupe partage aussi ses sous-groupes.',
  descriptionMany:
    'Partagez des groupes avec les utilisateurs sélectionnés, ou retirez-leur des groupes. Partager un groupe partage aussi ses sous-groupes.',
  descriptionReadOnly:
    'Les groupes partagés avec {{name}}. Partager un groupe partage aussi ses sous-groupes.',
  loading: 'Chargement des groupes…',
  loadError: 'Impossible de charger les groupes.',
  empty: 'Aucun groupe pour l’instant',
  emptyHint: 'Créez d’abord des groupes ; vous pourrez ensuite les partager ici.',
  noUsers: 'Aucun utilisateur sélectionné.',
  forbiddenMany: 'Vous ne pouvez pas modifier les groupes partagés.',
  search: {
    label: 'Rechercher un groupe',
    placeholder: 'Rechercher un groupe…',
    noMatch: 'Aucun groupe ne correspond à « {{query}} ».',
    found: { one: '{{count}} groupe trouvé', other: '{{count}} groupes trouvés' },
  },
  list: 'Groupes',
  selectAll: 'Tout sélectionner',
  clearAll: 'Tout désélectionner',
  removeAll: {
    title: 'Retirer tous les partages de {{who}} ?',
    description: {
      one: 'Le groupe {{groups}} ne sera plus partagé avec {{who}}.',
      other: 'Ces {{count}} groupes ne seront plus partagés avec {{who}} : {{groups}}.',
    },
    andMore: { one: '{{groups}} et {{count}} autre', other: '{{groups}} et {{count}} autres' },
    confirm: 'Retirer tous les partages',
  },
  permission: {
    label: 'Autorisation pour {{group}}',
    view: 'Consultation',
    manage: 'Gestion',
    mixed: 'Mixte',
  },
  coveredBy: 'Inclus via {{group}}',
  someUsers: {
    one: 'Partagé avec {{count}} utilisateur sur {{total}}',
    other: 'Partagé avec {{count}} utilisateurs sur {{total}}',
  },
  notPreviewed:
    'Les partages actuels ne sont pas affichés au-delà de {{max}} utilisateurs : les groupes que vous ne modifiez pas restent tels quels pour chacun.',
  readOnlyNone: 'Aucun groupe n’est partagé avec {{name}}.',
  summary: {
    heading: 'Ce qui va changer',
    none: 'Aucune modification pour l’instant.',
    added: { one: '+{{count}} partagé', other: '+{{count}} partagés' },
    changed: { one: '{{count}} autorisation modifiée', other: '{{count}} autorisations modifiées' },
    removed: { one: '−{{count}} retiré', other: '−{{count}} retirés' },
    groupWithPermission: '{{group}} ({{permission}})',
    permissionChange: '{{group}} : {{from}} → {{to}}',
    shareMany: 'Partager {{groups}} avec {{users}} ({{permission}})',
    removeMany: 'Retirer {{groups}} à {{users}}',
    groups: { one: '{{count}} groupe', other: '{{count}} groupes' },
    allGroups: { one: 'le seul groupe', other: 'les {{count}} groupes' },
    users: { one: '{{count}} utilisateur', other: '{{count}} utilisateurs' },
  },
  saving: 'Enregistrement…',
  stale: {
    message:
      'Quelqu’un d’autre a modifié ces groupes partagés pendant votre saisie. Rien n’a été enregistré.',
    hint: 'Rechargez pour voir ses modifications ; les vôtres sont conservées par-dessus, à vérifier avant d’enregistrer de nouveau.',
    reload: 'Recharger',
  },
  results: {
    heading: 'Résultat',
    done: { one: 'Effectué pour {{count}} utilisateur.', other: 'Effectué pour {{count}} utilisateurs.' },
    totals: 'Partages ajoutés : {{added}} · autorisations modifiées : {{changed}} · retirés : {{removed}}',
    failed: { one: 'Échec pour {{count}} utilisateur :', other: 'Échec pour {{count}} utilisateurs :' },
    failure: '{{name}} : {{reason}}',
    requestFailed: '{{action}} — non effectué : {{reason}}',
    unknownUser: 'Un utilisateur que vous ne voyez plus',
  },
}
