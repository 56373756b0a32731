import '@usher/react/styles.css'
import { InviteForm, UserTable, UsherApiProvider } from '@usher/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

// The Usher API runs on its own origin; the page asks its own backend for the user's token.
const usherUrl = import.meta.env.VITE_USHER_URL ?? 'http://localhost:4318'

function App() {
  return (
    <UsherApiProvider baseUrl={usherUrl} tokenUrl="/api/usher-token">
      <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24, display: 'grid', gap: 32 }}>
        <UserTable />
        <InviteForm />
      </main>
    </UsherApiProvider>
  )
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
