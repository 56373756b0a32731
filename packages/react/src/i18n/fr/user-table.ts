import type { Messages } from '../types'

export const userTable: Messages['userTable'] = {
  title: 'Utilisateurs',
}
