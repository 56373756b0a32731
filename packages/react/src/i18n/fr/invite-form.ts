import type { Messages } from '../types'

export const inviteForm: Messages['inviteForm'] = {
  title: 'Inviter des personnes',
  intro: {
    one: 'Chaque personne reçoit un e-mail avec un lien pour rejoindre l’organisation. Les invitations restent valables {{count}} jour.',
    other:
      'Chaque personne reçoit un e-mail avec un lien pour rejoindre l’organisation. Les invitations restent valables {{count}} jours.',
  },
  loadError: 'Le formulaire d’invitation n’a pas pu être chargé.',
  forbidden:
    'Vous ne pouvez pas inviter de personnes\u00a0: votre rôle ne le permet pas. Adressez-vous à un administrateur de votre organisation.',
  row: 'Ligne {{row}}',
  rowSuffix: ', ligne {{row}}',
  existingAccount: 'Compte existant\u00a0: ajouté sans nouvelle inscription.',
  existingAccountJoins:
    'Compte existant\u00a0: ajouté tout de suite, avec un e-mail pour prévenir la personne.',
  optionalLabel: '{{label}} (facultatif)',
  fields: {
    salutation: 'Civilité',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'E-mail',
    phone: 'Téléphone',
    role: 'Rôle',
    groups: 'Groupes',
    contactFor: 'Contact pour',
    message: 'Message personnel',
  },
  groups: {
    scopedHint: 'Placez chaque personne dans au moins un des groupes que vous gérez.',
    seesNothing: {
      sharesOnly:
        'Une personne invitée comme {{role}} ne voit aucun groupe de clients tant qu’aucun n’est partagé avec elle\u00a0: une fois l’invitation envoyée, utilisez Groupes partagés dans la liste des utilisateurs.',
      noGroup:
        'Une personne invitée comme {{role}} sans groupe ne verra rien\u00a0: choisissez au moins un groupe.',
    },
  },
  topics: {
    none: 'Aucun',
    filter: 'Filtrer les sujets',
    noMatch: 'Aucun sujet ne correspond.',
  },
  done: 'Terminé',
  addRow: '+ Ajouter une personne',
  removeRow: 'Retirer',
  messageHint: 'Ajouté à l’e-mail d’invitation.',
  paste: {
    open: 'Coller une liste',
    title: 'Coller une liste d’adresses',
    description:
      'Une adresse par ligne, ou séparées par des virgules ou des points-virgules. «\u00a0Nom <adresse>\u00a0» renseigne aussi le nom.',
    label: 'Adresses',
    placeholder: 'Camille Durand <camille.durand@exemple.fr>\nhugo.moreau@exemple.fr',
    submit: 'Ajouter au formulaire',
    nothing: 'Aucune adresse trouvée dans ce texte.',
    added: {
      zero: 'Aucune nouvelle personne ajoutée.',
      one: '1 personne ajoutée au formulaire.',
      other: '{{count}} personnes ajoutées au formulaire.',
    },
    duplicates: {
      one: '{{count}} adresse figurait déjà dans le formulaire.',
      other: '{{count}} adresses figuraient déjà dans le formulaire.',
    },
    invalid: {
      one: '{{count}} entrée n’est pas une adresse\u00a0: corrigez-la dans sa ligne.',
      other: '{{count}} entrées ne sont pas des adresses\u00a0: corrigez-les dans leur ligne.',
    },
    tooMany: {
      one: '{{count}} adresse écartée\u00a0: une demande compte au plus {{max}} personnes.',
      other: '{{count}} adresses écartées\u00a0: une demande compte au plus {{max}} personnes.',
    },
  },
  seatWarning: {
    one: 'Postes insuffisants\u00a0: {{count}} nécessaire, {{left}}. Le serveur refusera les lignes au-delà de la limite.',
    other:
      'Postes insuffisants\u00a0: {{count}} nécessaires, {{left}}. Le serveur refusera les lignes au-delà de la limite.',
  },
  seatsLeft: { one: '{{count}} disponible', other: '{{count}} disponibles' },
  submit: 'Envoyer les invitations',
  submitting: 'Envoi…',
  summary: {
    sent: {
      zero: 'Aucune invitation envoyée',
      one: '1 invitation envoyée',
      other: '{{count}} invitations envoyées',
    },
    attention: { one: '{{count}} à corriger', other: '{{count}} à corriger' },
    joined: {
      one: '{{count}} personne ajoutée directement',
      other: '{{count}} personnes ajoutées directement',
    },
    combined: '{{sent}}, {{attention}}',
  },
  errors: {
    duplicateOf: 'Même adresse qu’à la ligne {{row}}.',
    groupsRequired: 'Choisissez au moins un de vos groupes.',
  },
}
