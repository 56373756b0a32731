import type { en } from './en'

/** A plural message: `Intl.PluralRules` picks the form; `{{count}}` is filled in. */
export interface PluralMessage {
  zero?: string
  one: string
  other: string
}

type Widen<T> = T extends string
  ? string
  : T extends PluralMessage
    ? PluralMessage
    : { [K in keyof T]: Widen<T[K]> }

/** The shape of every catalog: the English one, with any string in place of its texts. */
export type Messages = Widen<typeof en>

export type DeepPartial<T> = T extends string | PluralMessage ? T : { [K in keyof T]?: DeepPartial<T[K]> }

/** Overrides a host passes to the provider: any subset of the keys, typed against English. */
export type MessageOverrides = DeepPartial<Messages>

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never

/** Every key: `'userTable.columns.name'`. */
export type MessageKey<T = Messages> = {
  [K in keyof T & string]: T[K] extends string | PluralMessage ? K : Join<K, MessageKey<T[K]>>
}[keyof T & string]

export type MessageParams = Record<string, string | number>

export type Locale = 'en' | 'fr'
