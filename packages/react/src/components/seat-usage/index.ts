export { SeatUsage, type SeatUsageProps } from './seat-usage'
