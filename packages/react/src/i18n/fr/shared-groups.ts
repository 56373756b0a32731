import type { Messages } from '../types'

export const sharedGroups: Messages['sharedGroups'] = {
  title: 'Groupes partagés',
}
