import type { Messages } from '../types'

export const teamActivation: Messages['teamActivation'] = {
  title: 'Activez votre équipe',
  intro: 'Nommez votre équipe pour gérer ses utilisateurs : invitations, rôles et groupes partagés.',
  name: 'Nom de l’équipe',
  nameHint: 'Vos collègues le voient dans leurs invitations.',
  submit: 'Activer',
  submitting: 'Activation…',
  done: 'Votre équipe est active : vous pouvez désormais inviter des personnes et gérer les utilisateurs.',
  askOwner:
    'Votre équipe n’est pas encore activée : personne ne peut inviter, modifier, désactiver ni partager tant que le propriétaire ne l’a pas activée en lui donnant un nom.',
}
