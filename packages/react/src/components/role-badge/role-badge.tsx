// Moved to the shared layer (ui/); this path stays while its story lives beside it.
export { RoleBadge, type RoleBadgeProps } from '../../ui/role-badge'
