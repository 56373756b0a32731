import type { Messages } from '../types'

export const passwordReset: Messages['passwordReset'] = {
  requestTitle: 'Réinitialisez votre mot de passe',
  requestIntro:
    'Saisissez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe. Si l’e-mail d’invitation s’est perdu, ce lien active aussi votre compte.',
  email: 'Adresse e-mail',
  send: 'Envoyer le lien',
  sending: 'Envoi…',
  sent: 'Si un compte existe pour {{email}}, un lien vient d’y être envoyé. Il est valable une heure.',
  sendAnother: 'Utiliser une autre adresse',
  confirmTitle: 'Choisissez un nouveau mot de passe',
  checking: 'Vérification de votre lien…',
  checkFailed: 'Impossible de vérifier votre lien.',
  retry: 'Réessayer',
  activateTitle: 'Activez votre compte',
  forAccount: 'Pour {{email}} dans {{organization}}.',
  password: 'Nouveau mot de passe',
  save: 'Enregistrer le mot de passe',
  saving: 'Enregistrement…',
  done: 'Votre mot de passe est enregistré et votre session est ouverte.',
  invalidLink: 'Ce lien n’est pas valide ou a expiré. Demandez-en un nouveau.',
  askNewLink: 'Demander un nouveau lien',
  signIn: 'Retour à la connexion',
}
