// Moved to the shared layer (ui/); this path stays while its story lives beside it.
export { StatusBadge, type StatusBadgeProps } from '../../ui/status-badge'
