/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the Usher API answers (another origin than the page's). */
  readonly VITE_USHER_URL?: string
}
