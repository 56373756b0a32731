import type { Messages } from '../types'

export const passwordField: Messages['passwordField'] = {
  show: 'Afficher le mot de passe',
  rulesTitle: 'Règles du mot de passe',
  rules: {
    minLength: { one: 'Au moins {{count}} caractère', other: 'Au moins {{count}} caractères' },
    maxLength: 'Au plus {{max}} caractères',
    lowercase: 'Une lettre minuscule',
    uppercase: 'Une lettre majuscule',
    digit: 'Un chiffre',
    symbol: 'Un symbole, par exemple ! ou #',
    notEmail: 'Ne contient pas votre adresse e-mail',
    notName: 'Ne contient pas votre nom',
    strength: 'Difficile à deviner : au moins « {{level}} »',
  },
  problems: {
    min_length: {
      one: 'Utilisez au moins {{count}} caractère.',
      other: 'Utilisez au moins {{count}} caractères.',
    },
    max_length: 'Utilisez au plus {{max}} caractères.',
    lowercase: 'Ajoutez une lettre minuscule.',
    uppercase: 'Ajoutez une lettre majuscule.',
    digit: 'Ajoutez un chiffre.',
    symbol: 'Ajoutez un symbole, par exemple ! ou #.',
    contains_email: 'N’y mettez pas votre adresse e-mail.',
    contains_name: 'N’y mettez pas votre nom.',
    too_guessable: 'Trop facile à deviner : ajoutez des mots ou des caractères.',
  },
  ruleState: {
    met: 'respectée',
    unmet: 'pas encore',
    pending: 'vérification en cours',
  },
  levels: {
    veryWeak: 'très faible',
    weak: 'faible',
    fair: 'moyen',
    strong: 'fort',
    veryStrong: 'très fort',
  },
  strength: 'Robustesse : {{level}}',
  strengthEmpty: 'Robustesse : saisissez un mot de passe',
}
