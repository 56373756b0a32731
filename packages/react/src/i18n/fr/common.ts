import type { Messages } from '../types'

export const common: Messages['common'] = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  close: 'Fermer',
  save: 'Enregistrer',
  confirm: 'Confirmer',
  delete: 'Supprimer',
  search: 'Rechercher',
  clear: 'Effacer',
  copied: 'Copié.',
  actions: 'Actions',
  none: 'Aucun',
  unknownError: 'Une erreur est survenue. Réessayez dans un instant.',
  offline: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  salutations: {
    none: '—',
    mr: 'M.',
    ms: 'Mme',
    mx: 'Mx',
  },
  groupPicker: {
    none: 'Aucun groupe',
    summary: { one: '{{first}} et {{count}} autre', other: '{{first}} et {{count}} autres' },
    filter: 'Filtrer les groupes',
    empty: 'Aucun groupe disponible.',
    noMatch: 'Aucun groupe ne correspond.',
  },
  relative: {
    expiresIn: 'expire {{when}}',
    expiredOn: 'expirée {{when}}',
  },
}
