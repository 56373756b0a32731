// Moved to the shared layer: import from ui/role-badge. Kept while a feature still imports this path.
export { RoleBadge, type RoleBadgeProps } from '../../ui/role-badge'
