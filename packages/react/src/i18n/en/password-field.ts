/** Owned by the password field shared by AcceptInvitation, SignInForm and PasswordResetForm. */
export const passwordField = {
  show: 'Show password',
  rulesTitle: 'Password rules',
  rules: {
    minLength: { one: 'At least {{count}} character', other: 'At least {{count}} characters' },
    maxLength: 'At most {{max}} characters',
    lowercase: 'A lowercase letter',
    uppercase: 'An uppercase letter',
    digit: 'A digit',
    symbol: 'A symbol, such as ! or #',
    notEmail: 'Does not contain your email address',
    notName: 'Does not contain your name',
    strength: 'Hard to guess: at least “{{level}}”',
  },
  /** The server's refusal, problem by problem (`password_too_weak`'s `passwordProblems`). */
  problems: {
    min_length: { one: 'Use at least {{count}} character.', other: 'Use at least {{count}} characters.' },
    max_length: 'Use at most {{max}} characters.',
    lowercase: 'Add a lowercase letter.',
    uppercase: 'Add an uppercase letter.',
    digit: 'Add a digit.',
    symbol: 'Add a symbol, such as ! or #.',
    contains_email: 'Leave your email address out of it.',
    contains_name: 'Leave your name out of it.',
    too_guessable: 'Too easy to guess: add words or characters.',
  },
  ruleState: {
    met: 'done',
    unmet: 'not yet',
    pending: 'checking',
  },
  levels: {
    veryWeak: 'very weak',
    weak: 'weak',
    fair: 'fair',
    strong: 'strong',
    veryStrong: 'very strong',
  },
  strength: 'Strength: {{level}}',
  strengthEmpty: 'Strength: type a password',
} as const
