// Moved to the shared layer (ui/); this path stays while its story lives beside it.
export { SeatUsage, type SeatUsageProps } from '../../ui/seat-usage'
