/** Owned by the team-activation component. */
export const teamActivation = {
  title: 'Activate your team',
  intro: 'Name your team to start managing its users: invitations, roles and shared groups.',
  name: 'Team name',
  nameHint: 'Your colleagues see it in their invitations.',
  submit: 'Activate',
  submitting: 'Activating…',
  done: 'Your team is active: you can now invite people and manage users.',
  askOwner:
    'Your team is not activated yet: nobody can invite, edit, disable or share until the owner activates it by naming it.',
} as const
