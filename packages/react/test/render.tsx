import { QueryClient } from '@tanstack/react-query'
import { type RenderOptions, render } from '@testing-library/react'
import { createUsherClient, type UsherClient } from '@usher/sdk'
import axe from 'axe-core'
import type { ReactElement } from 'react'
import { inject } from 'vitest'
import type { Locale } from '../src/i18n/types'
import { UsherProvider } from '../src/provider/usher-provider'
import { HOST_ROLES_PREFIX, type World, type WorldOptions } from './world'

export const serverUrl = () => inject('usherUrl')

/** A fresh organization on the real server (see test/world.ts). */
export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const res = await fetch(`${serverUrl()}/__test/world`, { method: 'POST', body: JSON.stringify(options) })
  if (!res.ok) throw new Error(`world: ${res.status} ${await res.text()}`)
  return (await res.json()) as World
}

/** A client of the test server; `hostRoles`: of the one that declares the host's roles. */
export function clientFor(token: string, { hostRoles = false }: { hostRoles?: boolean } = {}): UsherClient {
  return createUsherClient({
    baseUrl: `${serverUrl()}${hostRoles ? HOST_ROLES_PREFIX : ''}`,
    token,
    retry: 0,
  })
}

/** Renders inside a fresh UsherProvider (no retries, no cache shared between tests). */
export function renderWithUsher(
  ui: ReactElement,
  {
    client,
    locale = 'en',
    ...options
  }: { client: UsherClient; locale?: Locale } & Omit<RenderOptions, 'wrapper'>,
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  return {
    queryClient,
    ...render(ui, {
      ...options,
      wrapper: ({ children }) => (
        <UsherProvider client={client} queryClient={queryClient} locale={locale} theme="light">
          {children}
        </UsherProvider>
      ),
    }),
  }
}

/** axe-core on the rendered document; returns the violations (expect them to be []). */
export async function axeViolations(container: Element = document.body) {
  const result = await axe.run(container, {
    // jsdom has no layout: colour contrast cannot be computed here (Storybook checks it in Chromium).
    rules: { 'color-contrast': { enabled: false } },
  })
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }))
}
