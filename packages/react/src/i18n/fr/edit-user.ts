import type { Messages } from '../types'

export const editUser: Messages['editUser'] = {
  title: 'Modifier {{name}}',
  titleGeneric: 'Modifier un utilisateur',
  description: 'Ses coordonnées, son rôle et ses accès.',
  loading: 'Chargement…',
  loadError: 'Impossible de charger cette personne.',
  forbidden: 'Votre rôle ne permet pas de modifier des personnes. Adressez-vous à un administrateur.',
  saving: 'Enregistrement…',
  unchanged: 'Rien n’a changé.',
  stale:
    'Quelqu’un d’autre a modifié cette personne entre-temps. Rechargez pour voir sa modification, puis refaites la vôtre.',
  reload: 'Recharger',
  sections: {
    identity: 'Nom',
    contact: 'Coordonnées et informations',
    access: 'Rôle et accès',
  },
  fields: {
    salutation: 'Civilité',
    firstName: 'Prénom',
    lastName: 'Nom',
    nickname: 'Surnom',
    phone: 'Téléphone',
    mobile: 'Mobile',
    jobTitle: 'Fonction',
    department: 'Service',
    description: 'Description',
    externalId: 'Identifiant SSO',
    locale: 'Langue',
    role: 'Rôle',
    groups: 'Groupes',
    contactFor: 'Contact pour',
    primaryContact: 'Contact principal de son site',
    enabled: 'Compte activé (peut se connecter)',
    mustChangePassword: 'Doit changer son mot de passe à la prochaine connexion',
  },
  hints: {
    nickname: 'Le nom que voient les clients pendant une session.',
    externalId: 'L’identifiant de cette personne dans votre annuaire d’authentification unique.',
    self: 'Vous ne pouvez pas modifier votre propre rôle, vos groupes ni l’état de votre compte.',
  },
}
