import '@usher/react/styles.css'
import { InviteForm, UserTable, UsherProvider } from '@usher/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { usherClient } from './usher-client'

function App() {
  return (
    <UsherProvider client={usherClient} locale="en" theme="light">
      <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24, display: 'grid', gap: 32 }}>
        <h1>Acme Support — team</h1>
        <UserTable />
        <InviteForm />
      </main>
    </UsherProvider>
  )
}

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
