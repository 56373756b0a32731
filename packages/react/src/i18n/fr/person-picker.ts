import type { Messages } from '../types'

export const personPicker: Messages['personPicker'] = {
  search: 'Rechercher par nom ou adresse e-mail',
  noMatch: 'Personne ne correspond.',
}
