export { MailProblemsNotice } from './mail-problems-notice'
export { OrganizationSettings, type OrganizationSettingsProps } from './organization-settings'
export { useMailProblems } from './use-mail-problems'
export { useOrganizationSettings } from './use-organization-settings'
