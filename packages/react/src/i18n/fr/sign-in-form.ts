import type { Messages } from '../types'

export const signInForm: Messages['signInForm'] = {
  title: 'Connexion',
  fields: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
  },
  submit: 'Se connecter',
  submitting: 'Connexion…',
  forgotPassword: 'Mot de passe oublié ?',
  rateLimited: {
    one: 'Trop de tentatives. Patientez {{count}} seconde, puis réessayez.',
    other: 'Trop de tentatives. Patientez {{count}} secondes, puis réessayez.',
  },
  signedIn: 'Votre session est ouverte.',
  organizations: {
    title: 'Choisissez une organisation',
    intro: {
      one: 'Votre compte appartient à {{count}} organisation.',
      other:
        'Votre compte appartient à {{count}} organisations. Choisissez celle à ouvrir ; vous pourrez en changer à tout moment.',
    },
    lastUsed: 'Dernière organisation utilisée : {{name}}.',
  },
  changePassword: {
    title: 'Choisissez un nouveau mot de passe',
    intro: 'Votre mot de passe a été défini par un administrateur. Choisissez le vôtre avant de continuer.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    submit: 'Changer le mot de passe',
    submitting: 'Modification…',
    wrongCurrent: 'Le mot de passe actuel est incorrect.',
  },
}
