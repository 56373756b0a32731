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
  actions: 'Actions',
  none: 'Aucun',
  unknownError: 'Une erreur est survenue. Réessayez dans un instant.',
  offline: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  relative: {
    expiresIn: 'expire {{when}}',
    expiredOn: 'expirée {{when}}',
  },
}
