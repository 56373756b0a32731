import type { Messages } from '../types'

export const signInForm: Messages['signInForm'] = {
  title: 'Connexion',
  fields: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    organization: 'Identifiant de l’organisation',
    organizationHint:
      'Cette adresse a un compte dans plusieurs organisations : saisissez l’identifiant de celle à laquelle vous connecter.',
  },
  submit: 'Se connecter',
  submitting: 'Connexion…',
  forgotPassword: 'Mot de passe oublié ?',
  rateLimited: {
    one: 'Trop de tentatives. Patientez {{count}} seconde, puis réessayez.',
    other: 'Trop de tentatives. Patientez {{count}} secondes, puis réessayez.',
  },
  organizationNeeded: 'Indiquez l’organisation à laquelle vous connecter.',
  signedIn: 'Vous êtes connecté.',
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
