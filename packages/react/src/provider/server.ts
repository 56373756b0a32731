// The `@usher/react/server` entry: what a Server Component may call (no 'use client' in its build).
export { localeFromAcceptLanguage, matchLocale, USHER_LOCALES } from './locale'
