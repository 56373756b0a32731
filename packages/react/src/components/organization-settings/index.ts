export { OrganizationSettings, type OrganizationSettingsProps } from './organization-settings'
export { useOrganizationSettings } from './use-organization-settings'
