import type { Messages } from '../types'

export const acceptInvitation: Messages['acceptInvitation'] = {
  title: 'Rejoindre {{organization}}',
  titleGeneric: 'Votre invitation',
  loading: 'Vérification de votre invitation…',
  loadError: 'Votre invitation n’a pas pu être vérifiée.',
  invitedBy: '{{inviter}} vous invite à rejoindre {{organization}}.',
  invitedNoInviter: 'Vous avez reçu une invitation à rejoindre {{organization}}.',
  roleIntro: 'Votre rôle :',
  intro:
    'Vérifiez votre nom, choisissez un mot de passe et acceptez les conditions pour activer votre compte.',
  introExisting:
    'Vous avez déjà un compte avec cette adresse : saisissez son mot de passe pour rejoindre {{organization}}. Vous gardez un seul mot de passe pour toutes vos organisations.',
  wrongPassword: 'Ce n’est pas le mot de passe de votre compte.',
  fields: {
    salutation: 'Civilité (facultatif)',
    firstName: 'Prénom',
    lastName: 'Nom (facultatif)',
    email: 'Adresse e-mail',
    emailHint: 'L’adresse à laquelle l’invitation a été envoyée ; elle ne peut pas être modifiée ici.',
    password: 'Mot de passe',
    currentPassword: 'Votre mot de passe actuel',
  },
  consent:
    'J’accepte que {{organization}} enregistre mon nom et mon adresse e-mail pour me donner accès au service.',
  terms: 'J’accepte les conditions d’utilisation.',
  termsLink: 'Lire les conditions d’utilisation',
  privacyLink: 'Lire la politique de confidentialité',
  newWindow: '(s’ouvre dans un nouvel onglet)',
  submit: 'Activer mon compte',
  submitting: 'Activation…',
  submitExisting: 'Rejoindre {{organization}}',
  submittingExisting: 'Ajout en cours…',
  accepted: {
    title: 'Bienvenue, {{name}}',
    body: 'Votre compte dans {{organization}} est actif.',
    signedIn: 'Votre session est ouverte.',
  },
  pages: {
    expired: {
      title: 'Cette invitation a expiré',
      body: 'Demandez à {{inviter}} de vous envoyer une nouvelle invitation.',
      bodyNoInviter: 'Demandez à {{organization}} de vous envoyer une nouvelle invitation.',
    },
    revoked: {
      title: 'Cette invitation a été annulée',
      body: 'Elle n’est plus valable. Si vous avez toujours besoin d’un accès, contactez la personne qui vous a envoyé l’invitation.',
    },
    used: {
      title: 'Cette invitation a déjà été utilisée',
      body: 'Le compte auquel elle était destinée est actif : connectez-vous.',
      signIn: 'Se connecter',
    },
    unknown: {
      title: 'Ce lien d’invitation n’est pas valide',
      body: 'Vérifiez que vous avez ouvert le lien complet de l’e-mail, ou demandez une nouvelle invitation.',
    },
    mismatch: {
      title: 'Un autre compte est connecté',
      body: 'Cette invitation est destinée à {{email}}. Déconnectez-vous, puis rouvrez le lien.',
      bodyNoEmail: 'Déconnectez-vous, puis rouvrez le lien.',
    },
  },
}
