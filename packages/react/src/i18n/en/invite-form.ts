/** Owned by the invite-form component. */
export const inviteForm = {
  title: 'Invite people',
} as const
