import { ExportUsersButton, InviteForm, UserTable, UsherApiProvider } from '@usher/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

// The Usher API runs on its own origin; the page asks its own backend for the user's token.
const usherUrl = import.meta.env.VITE_USHER_URL ?? 'http://localhost:4318'

function App() {
  return (
    <UsherApiProvider baseUrl={usherUrl} tokenUrl="/api/usher-token">
      <main className="mx-auto grid max-w-[1100px] gap-8 p-6">
        <UserTable />
        <InviteForm />
        {/* A Tailwind class passed as className wins over Usher's rule (its radius is 6px). */}
        <ExportUsersButton id="host-export" className="rounded-none" />
      </main>
    </UsherApiProvider>
  )
}

/** Renders the host's page; each entry imports its stylesheets first, in its own order. */
export function renderApp() {
  const root = document.getElementById('root')
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  }
}
