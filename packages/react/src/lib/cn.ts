/** Joins class names, skipping the empty ones. */
export const cn = (...names: Array<string | false | null | undefined>) => names.filter(Boolean).join(' ')
