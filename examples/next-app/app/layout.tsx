import '@usher/react/styles.css'
import { UsherApiProvider } from '@usher/react'
import { localeFromAcceptLanguage } from '@usher/react/server'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'

export const metadata = { title: 'Next.js host — Usher example', icons: { icon: 'data:,' } }

// A Server Component: it reads the language from the request and hands the provider strings only,
// so the server renders the language the browser hydrates.
// biome-ignore lint/style/noDefaultExport: Next.js loads a layout by its default export.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = localeFromAcceptLanguage((await headers()).get('accept-language'))
  return (
    <html lang={locale}>
      <body>
        <UsherApiProvider baseUrl="/api/usher" tokenUrl="/api/usher-token" locale={locale}>
          {children}
        </UsherApiProvider>
      </body>
    </html>
  )
}
