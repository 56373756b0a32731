/** Owned by the invite-form component. */
export const inviteForm = {
  title: 'Invite people',
  intro: {
    one: 'Each person receives an email with a link to join. Invitations stay valid for {{count}} day.',
    other: 'Each person receives an email with a link to join. Invitations stay valid for {{count}} days.',
  },
  loadError: 'The invitation form could not be loaded.',
  forbidden:
    'You cannot invite people: your role does not allow it. Ask an administrator of your organization.',
  row: 'Row {{row}}',
  rowSuffix: ', row {{row}}',
  existingAccount: 'Existing account: added without a new registration.',
  existingAccountJoins: 'Existing account: added at once, with a notice email.',
  optionalLabel: '{{label}} (optional)',
  fields: {
    salutation: 'Title',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    role: 'Role',
    groups: 'Groups',
    contactFor: 'Contact for',
    message: 'Personal message',
  },
  groups: {
    scopedHint: 'Put each person in at least one of the groups you manage.',
    seesNothing: {
      sharesOnly:
        'Someone invited as {{role}} sees no customer group until groups are shared with them: once they are invited, use Shared groups in the users table.',
      noGroup: 'Someone invited as {{role}} with no group will see nothing: choose at least one group.',
    },
  },
  topics: {
    none: 'None',
    filter: 'Filter topics',
    noMatch: 'No topic matches.',
  },
  done: 'Done',
  addRow: '+ Add another person',
  removeRow: 'Remove',
  messageHint: 'Added to the invitation email.',
  paste: {
    open: 'Paste a list',
    title: 'Paste a list of addresses',
    description:
      'One address per line, or separated by commas or semicolons. “Name <address>” fills in the name too.',
    label: 'Addresses',
    placeholder: 'Camille Durand <camille.durand@example.com>\nhugo.moreau@example.com',
    submit: 'Add to the form',
    nothing: 'No address found in this text.',
    added: {
      zero: 'No new person added.',
      one: '1 person added to the form.',
      other: '{{count}} people added to the form.',
    },
    duplicates: {
      one: '1 address was already in the form.',
      other: '{{count}} addresses were already in the form.',
    },
    invalid: {
      one: '1 entry is not an address: correct it in its row.',
      other: '{{count}} entries are not addresses: correct them in their rows.',
    },
    tooMany: {
      one: '1 address left out: one request takes at most {{max}} people.',
      other: '{{count}} addresses left out: one request takes at most {{max}} people.',
    },
  },
  seatWarning: {
    one: 'Not enough seats: {{count}} needed, {{left}}. The server will refuse the rows beyond the limit.',
    other: 'Not enough seats: {{count}} needed, {{left}}. The server will refuse the rows beyond the limit.',
  },
  /** `{{left}}` of seatWarning, with its own plural. */
  seatsLeft: { one: '{{count}} left', other: '{{count}} left' },
  submit: 'Send invitations',
  submitting: 'Sending…',
  summary: {
    sent: { zero: 'No invitation sent', one: '1 invitation sent', other: '{{count}} invitations sent' },
    attention: { one: '1 needs attention', other: '{{count}} need attention' },
    joined: { one: '1 person added at once', other: '{{count}} people added at once' },
    combined: '{{sent}}, {{attention}}',
  },
  errors: {
    duplicateOf: 'Same address as row {{row}}.',
    groupsRequired: 'Choose at least one of your groups.',
  },
} as const
