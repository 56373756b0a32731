import type { Messages } from '../types'

export const inviteForm: Messages['inviteForm'] = {
  title: 'Inviter des personnes',
}
