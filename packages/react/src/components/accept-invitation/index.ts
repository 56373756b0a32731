export { AcceptInvitation, type AcceptInvitationProps } from './accept-invitation'
