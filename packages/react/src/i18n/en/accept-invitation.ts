/** Owned by the accept-invitation component. */
export const acceptInvitation = {
  title: 'Join {{organization}}',
  titleGeneric: 'Your invitation',
  loading: 'Checking your invitation…',
  loadError: 'Your invitation could not be checked.',
  invitedBy: '{{inviter}} invited you to join {{organization}}.',
  invitedNoInviter: 'You are invited to join {{organization}}.',
  roleIntro: 'Your role:',
  intro: 'Check your name, choose a password, and accept the terms to activate your account.',
  introExisting:
    'You already have an account with this address: give its password to join {{organization}}. You keep one password for all your organizations.',
  wrongPassword: 'This is not the password of your account.',
  fields: {
    salutation: 'Title (optional)',
    firstName: 'First name',
    lastName: 'Last name (optional)',
    email: 'Email',
    emailHint: 'The address the invitation was sent to; it cannot be changed here.',
    password: 'Password',
    currentPassword: 'Your current password',
  },
  consent: 'I agree that {{organization}} stores my name and email address to give me access.',
  terms: 'I accept the terms of use.',
  termsLink: 'Read the terms of use',
  privacyLink: 'Read the privacy policy',
  newWindow: '(opens in a new tab)',
  submit: 'Activate my account',
  submitting: 'Activating…',
  /** The account exists already: the person joins, nothing is activated. */
  submitExisting: 'Join {{organization}}',
  submittingExisting: 'Joining…',
  accepted: {
    title: 'Welcome, {{name}}',
    body: 'Your account in {{organization}} is active.',
    signedIn: 'You are signed in.',
  },
  pages: {
    expired: {
      title: 'This invitation has expired',
      body: 'Ask {{inviter}} to send you a new invitation.',
      bodyNoInviter: 'Ask an administrator of {{organization}} to send you a new invitation.',
    },
    revoked: {
      title: 'This invitation was withdrawn',
      body: 'It is no longer valid. If you still need access, ask the person who invited you.',
    },
    used: {
      title: 'This invitation was already used',
      body: 'The account it was for is active: sign in instead.',
      signIn: 'Sign in',
    },
    unknown: {
      title: 'This invitation link is not valid',
      body: 'Check that you opened the whole link from the email, or ask for a new invitation.',
    },
    mismatch: {
      title: 'You are signed in with another account',
      body: 'This invitation is for {{email}}. Sign out, then open the link again.',
      bodyNoEmail: 'Sign out, then open the link again.',
    },
  },
} as const
