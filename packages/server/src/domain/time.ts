/** A timestamp on the wire: ISO 8601 in UTC. */
export const iso = (value: Date | string): string =>
  (value instanceof Date ? value : new Date(value)).toISOString()

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000)
