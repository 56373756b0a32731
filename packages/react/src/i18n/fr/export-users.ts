import type { Messages } from '../types'

export const exportUsers: Messages['exportUsers'] = {
  all: 'Exporter',
  selected: { one: 'Exporter la sélection ({{count}})', other: 'Exporter la sélection ({{count}})' },
  pending: 'Export en cours…',
  done: '{{fileName}} est téléchargé.',
  failed: 'L’export a échoué : {{reason}}',
  tooMany: 'Sélectionnez au plus {{max}} personnes pour les exporter, ou exportez toute la liste.',
}
