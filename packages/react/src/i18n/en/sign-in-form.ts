/** Owned by the sign-in-form component (and its change-password step). */
export const signInForm = {
  title: 'Sign in',
  fields: {
    email: 'Email',
    password: 'Password',
  },
  submit: 'Sign in',
  submitting: 'Signing in…',
  forgotPassword: 'Forgot your password?',
  rateLimited: {
    one: 'Too many attempts. Wait {{count}} second and try again.',
    other: 'Too many attempts. Wait {{count}} seconds and try again.',
  },
  signedIn: 'You are signed in.',
  organizations: {
    title: 'Choose an organization',
    intro: {
      one: 'Your account belongs to {{count}} organization.',
      other:
        'Your account belongs to {{count}} organizations. Choose the one to open; you can switch at any time.',
    },
    lastUsed: 'You last used {{name}}.',
  },
  changePassword: {
    title: 'Choose a new password',
    intro: 'Your password was set by an administrator. Choose your own before you continue.',
    current: 'Current password',
    next: 'New password',
    submit: 'Change password',
    submitting: 'Changing…',
    wrongCurrent: 'The current password is wrong.',
  },
} as const
