/** Owned by the password field shared by AcceptInvitation, SignInForm and PasswordResetForm. */
export const passwordField = {
  show: 'Show password',
  rulesTitle: 'Password rules',
  rules: {
    minLength: 'At least {{count}} characters',
    maxLength: 'At most 256 characters',
    lowercase: 'A lowercase letter',
    uppercase: 'An uppercase letter',
    digit: 'A digit',
    symbol: 'A symbol, such as ! or #',
    notEmail: 'Does not contain your email address',
    notName: 'Does not contain your name',
    strength: 'Hard to guess: at least “{{level}}”',
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
