export { TeamActivation, type TeamActivationProps } from './team-activation'
