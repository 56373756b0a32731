/** Owned by the password-reset-form component. */
export const passwordReset = {
  requestTitle: 'Reset your password',
  requestIntro:
    'Enter your email address: we will send you a link to choose a new password. If your invitation email was lost, this activates your account too.',
  email: 'Email',
  send: 'Send the link',
  sending: 'Sending…',
  sent: 'If an account exists for {{email}}, we sent it a link. It works for one hour.',
  sendAnother: 'Use another address',
  confirmTitle: 'Choose a new password',
  checking: 'Checking your link…',
  checkFailed: 'Your link could not be checked.',
  retry: 'Try again',
  activateTitle: 'Activate your account',
  forAccount: 'For {{email}} in {{organization}}.',
  password: 'New password',
  save: 'Save the password',
  saving: 'Saving…',
  done: 'Your password is saved and you are signed in.',
  invalidLink: 'This link is invalid or has expired. Ask for a new one.',
  askNewLink: 'Ask for a new link',
  signIn: 'Back to sign-in',
} as const
