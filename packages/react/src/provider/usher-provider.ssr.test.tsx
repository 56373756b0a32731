import { act, render, screen } from '@testing-library/react'
import { createUsherClient } from '@usher/sdk'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StatusBadge } from '../ui/status-badge'
import { UsherProvider } from './usher-provider'

const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })

function frenchBrowser() {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-FR')
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('given a French browser and no locale prop', () => {
  it('renders French at once when the page is rendered in the browser alone', () => {
    frenchBrowser()
    render(
      <UsherProvider client={client}>
        <StatusBadge status="active" />
      </UsherProvider>,
    )
    expect(screen.getByText('Actif')).toBeInTheDocument()
  })

  it('hydrates the server’s English without a mismatch, then switches to French', async () => {
    const app = (
      <UsherProvider client={client}>
        <StatusBadge status="active" />
      </UsherProvider>
    )
    // The server has no navigator language of the visitor: it renders the default.
    const html = renderToString(app)
    expect(html).toContain('Active')
    frenchBrowser()
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const errors: unknown[] = []
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args))
    await act(async () => {
      hydrateRoot(container, app, { onRecoverableError: (error) => errors.push(error) })
    })
    expect(errors).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    expect(container.querySelector('[data-slot="usher-root"]')).toHaveAttribute('lang', 'fr')
    expect(container).toHaveTextContent('Actif')
    container.remove()
  })

  it('renders the locale it is given on both sides, whatever the browser says', async () => {
    const app = (
      <UsherProvider client={client} locale="fr">
        <StatusBadge status="disabled" />
      </UsherProvider>
    )
    const html = renderToString(app)
    expect(html).toContain('lang="fr"')
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US')
    const container = document.createElement('div')
    container.innerHTML = html
    const errors: unknown[] = []
    await act(async () => {
      hydrateRoot(container, app, { onRecoverableError: (error) => errors.push(error) })
    })
    expect(errors).toEqual([])
    expect(container.querySelector('[data-slot="usher-root"]')).toHaveAttribute('lang', 'fr')
  })
})
