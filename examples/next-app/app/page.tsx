import { InviteForm, UserTable } from '@usher/react'

// biome-ignore lint/style/noDefaultExport: Next.js loads a page by its default export.
export default function Page() {
  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24, display: 'grid', gap: 32 }}>
      <UserTable />
      <InviteForm />
    </main>
  )
}
