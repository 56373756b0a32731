/** Owned by the sign-in-form component (and its change-password step). */
export const signInForm = {
  title: 'Sign in',
  fields: {
    email: 'Email',
    password: 'Password',
    organization: 'Organization identifier',
    organizationHint:
      'This address has accounts in several organizations: enter the identifier of the one to sign in to.',
  },
  submit: 'Sign in',
  submitting: 'Signing in…',
  forgotPassword: 'Forgot your password?',
  rateLimited: {
    one: 'Too many attempts. Wait {{count}} second and try again.',
    other: 'Too many attempts. Wait {{count}} seconds and try again.',
  },
  organizationNeeded: 'Enter the organization to sign in to.',
  signedIn: 'You are signed in.',
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
