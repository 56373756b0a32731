// Moved to the shared layer: import from ui/seat-usage. Kept while a feature still imports this path.
export { SeatUsage, type SeatUsageProps } from '../../ui/seat-usage'
