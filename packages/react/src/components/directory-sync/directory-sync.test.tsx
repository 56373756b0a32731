import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { DirectorySync } from './directory-sync'

function renderPanel(token: string, locale: Locale = 'en') {
  const view = renderWithUsher(<DirectorySync apiUrl={serverUrl()} />, { client: clientFor(token), locale })
  return { ...view, user: userEvent.setup() }
}

/** A directory's request to the SCIM endpoint, with the token the panel showed. */
const scim = (secret: string, method: string, path: string, body?: unknown) =>
  fetch(`${serverUrl()}/scim/v2${path}`, {
    method,
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const entraUser = (tag: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: `marie.curie.${tag}@atelier.test`,
  name: { givenName: 'Marie', familyName: 'Curie' },
  emails: [{ type: 'work', value: `marie.curie.${tag}@atelier.test`, primary: true }],
  active: true,
})

describe('DirectorySync', () => {
  it('lets the owner connect a directory alone: endpoint, a token shown once, settings, the requests and their refusals', async () => {
    const world = await createWorld()
    const tag = world.orgId.slice(0, 8)
    const { user, container } = renderPanel(world.tokens.owner)

    const endpoint = await screen.findByLabelText('Tenant URL (SCIM 2.0 base URL)')
    expect(endpoint).toHaveValue(`${serverUrl()}/scim/v2`)
    expect(screen.getByText('No token yet: create one to connect a directory.')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    // An empty name is refused on the field, nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Create token' }))
    expect(screen.getByLabelText('Token name')).toHaveAttribute('aria-invalid', 'true')
    await user.type(screen.getByLabelText('Token name'), 'Entra ID')
    await user.click(screen.getByRole('button', { name: 'Create token' }))
    const secretField = await screen.findByLabelText('Secret token for “Entra ID”')
    const secret = (secretField as HTMLInputElement).value
    expect(secret).toMatch(/^usher_scim_[\w-]{43}$/)
    await user.click(screen.getByRole('button', { name: 'Copy token' }))
    expect(await navigator.clipboard.readText()).toBe(secret)
    await user.click(screen.getByRole('button', { name: 'I have copied it' }))
    expect(screen.queryByLabelText('Secret token for “Entra ID”')).toBeNull()
    expect(screen.getByLabelText('Token name')).toHaveFocus()
    const token = await screen.findByText('Entra ID')
    expect(within(token.closest('li') as HTMLElement).getByText('Never used')).toBeInTheDocument()

    // Settings: the host's default role, deletion, no invitation email.
    await user.selectOptions(screen.getByLabelText('Role of provisioned people'), 'admin')
    await user.click(screen.getByLabelText('Delete their account'))
    await user.click(screen.getByLabelText('No email: they sign in through your single sign-on'))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    const saved = await clientFor(world.tokens.owner).directorySync?.get()
    expect(saved?.settings).toEqual({ defaultRole: 'admin', deprovisioning: 'delete', invitations: 'none' })

    // The directory provisions someone, then pushes them again: the second is refused.
    expect((await scim(secret, 'POST', '/Users', entraUser(tag))).status).toBe(201)
    expect((await scim(secret, 'POST', '/Users', entraUser(tag))).status).toBe(409)
    const people = await clientFor(world.tokens.owner).users.list({ q: `marie.curie.${tag}` })
    expect(people.items[0]).toMatchObject({ role: 'admin', status: 'active', source: 'scim' })

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    const table = await screen.findByRole('table', { name: 'Last requests' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('Create a person')
    expect(rows[0]).toHaveTextContent(`marie.curie.${tag}@atelier.test`)
    expect(rows[0]).toHaveTextContent('Refused (409)')
    expect(rows[0]).toHaveTextContent('uniqueness: userName')
    expect(rows[1]).toHaveTextContent('Done (201)')
    await user.click(screen.getByLabelText('Only refused requests'))
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2))

    // Revoking asks first, then the directory is refused; focus comes back to the form.
    await user.click(screen.getByRole('button', { name: 'Revoke “Entra ID”' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog).toHaveTextContent('Revoke the token “Entra ID”?')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }))
    expect(await screen.findByText('Token “Entra ID” revoked.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByLabelText('Token name')).toHaveFocus())
    expect((await scim(secret, 'GET', '/Users')).status).toBe(401)
    expect(await axeViolations(container)).toEqual([])
  })

  it('tells an admin that only the owner sets it up', async () => {
    const world = await createWorld()
    renderPanel(world.tokens.admin)
    expect(await screen.findByRole('note')).toHaveTextContent('Only the owner sets up directory sync.')
    expect(screen.queryByRole('button', { name: 'Create token' })).toBeNull()
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const { container } = renderPanel(world.tokens.owner, 'fr')
    expect(await screen.findByLabelText('URL du locataire (URL de base SCIM 2.0)')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Créer un jeton' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Synchronisation d’annuaire' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })
})
