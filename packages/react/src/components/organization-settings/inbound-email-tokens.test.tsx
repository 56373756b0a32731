import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createUsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import { createPartialClient } from '../../provider/partial-client'
import { OrganizationSettings } from './organization-settings'

/** The host's mail pipeline: its own client, with the token the panel showed. */
const pipeline = (secret: string) => createUsherClient({ baseUrl: serverUrl(), token: secret, retry: 0 })

/** A whole message, as the pipeline reads it from the mailbox. */
const message = (from: string, id: string) =>
  [
    `From: Hugo Moreau <${from}>`,
    'To: support@atelier.test',
    `Message-ID: <${id}@atelier.test>`,
    'Subject: Imprimante en panne',
    '',
    'Bonjour, l’imprimante du 2e étage ne répond plus.',
  ].join('\r\n')

describe('OrganizationSettings: the mail pipeline’s tokens', () => {
  it('lets the owner create a token shown once, which the pipeline uses, then revoke it after a confirmation that names it', async () => {
    const world = await createWorld()
    const user = userEvent.setup()
    const { container } = renderWithUsher(<OrganizationSettings />, { client: clientFor(world.tokens.owner) })
    const panel = await screen.findByRole('region', { name: 'Mail pipeline tokens' })
    expect(
      within(panel).getByText('No token yet: create one to connect your mail pipeline.'),
    ).toBeInTheDocument()

    // An empty name is refused on the field, nothing is sent.
    await user.click(within(panel).getByRole('button', { name: 'Create token' }))
    expect(within(panel).getByLabelText('Token name')).toHaveAttribute('aria-invalid', 'true')
    await user.type(within(panel).getByLabelText('Token name'), 'Helpdesk mailbox')
    await user.click(within(panel).getByRole('button', { name: 'Create token' }))
    const secretField = await within(panel).findByLabelText('Secret token for “Helpdesk mailbox”')
    const secret = (secretField as HTMLInputElement).value
    expect(secret.length).toBeGreaterThan(40)
    expect(
      within(panel).getByText('Token “Helpdesk mailbox” created. Copy it now: it will not be shown again.'),
    ).toBeInTheDocument()
    await user.click(within(panel).getByRole('button', { name: 'Copy token' }))
    expect(await navigator.clipboard.readText()).toBe(secret)
    expect(within(panel).getByText('Copied.')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
    await user.click(within(panel).getByRole('button', { name: 'I have copied it' }))
    expect(within(panel).queryByLabelText('Secret token for “Helpdesk mailbox”')).toBeNull()
    expect(within(panel).getByLabelText('Token name')).toHaveFocus()
    // The secret is shown that once: the list names the token, never its secret.
    const row = (await within(panel).findByText('Helpdesk mailbox')).closest('li') as HTMLElement
    expect(within(row).getByText('Never used')).toBeInTheDocument()
    expect(panel.textContent).not.toContain(secret)

    // The pipeline sends a message with it: the sender is found.
    const found = await pipeline(secret).inboundEmail?.receive(message(world.emails.technician, 'm1'))
    expect(found).toMatchObject({ outcome: 'matched', created: false, address: world.emails.technician })
    expect(found?.person?.id).toBe(world.users.technician)
    await waitFor(async () => {
      const [token] = (await clientFor(world.tokens.owner).inboundEmail?.listTokens()) ?? []
      expect(token?.lastUsedAt).not.toBeNull()
    })

    // Cancelling the confirmation puts focus back on the Revoke button that opened it.
    const revoke = within(row).getByRole('button', { name: 'Revoke “Helpdesk mailbox”' })
    await user.click(revoke)
    let dialog = await screen.findByRole('alertdialog')
    expect(dialog).toHaveTextContent('Revoke the token “Helpdesk mailbox”?')
    expect(dialog).toHaveTextContent('The mail pipeline that uses it can no longer tell Usher')
    expect(await axeViolations(container)).toEqual([])
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(revoke).toHaveFocus())

    // Revoked: announced, focus on the name field, and the pipeline's next message is refused.
    await user.keyboard('{Enter}')
    dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }))
    expect(await screen.findByText('Token “Helpdesk mailbox” revoked.')).toBeInTheDocument()
    await waitFor(() => expect(within(panel).getByLabelText('Token name')).toHaveFocus())
    expect(
      await within(panel).findByText('No token yet: create one to connect your mail pipeline.'),
    ).toBeInTheDocument()
    await expect(
      pipeline(secret).inboundEmail?.receive(message(world.emails.technician, 'm2')),
    ).rejects.toMatchObject({ status: 401 })
    const plain = await fetch(`${serverUrl()}/inbound-email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'message/rfc822' },
      body: message(world.emails.technician, 'm3'),
    })
    expect(plain.status).toBe(401)
  }, 60_000)

  it('is the owner’s only: an admin reading the settings sees no tokens', async () => {
    const world = await createWorld()
    renderWithUsher(<OrganizationSettings />, { client: clientFor(world.tokens.admin) })
    expect(await screen.findByRole('group', { name: 'People from incoming email' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Mail pipeline tokens' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Create token' })).toBeNull()
  })

  it('shows no tokens panel when a host backend offers no incoming email, the settings still editable', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const client = createPartialClient({
      me: { get: (options) => owner.me.get(options) },
      organization: { update: (patch, options) => owner.organization.update(patch, options) },
    })
    renderWithUsher(<OrganizationSettings />, { client })
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled()
    expect(screen.queryByRole('region', { name: 'Mail pipeline tokens' })).toBeNull()
    expect(screen.queryByText('The tokens could not be loaded.', { exact: false })).toBeNull()
  })

  it('speaks French, with its typography', async () => {
    const world = await createWorld()
    const user = userEvent.setup()
    const { container } = renderWithUsher(<OrganizationSettings />, {
      client: clientFor(world.tokens.owner),
      locale: 'fr',
    })
    const panel = await screen.findByRole('region', { name: 'Jetons de la chaîne de messagerie' })
    expect(panel.textContent).toContain('Aucun jeton pour l’instant\u00a0: créez-en un')
    await user.type(within(panel).getByLabelText('Nom du jeton'), 'Boîte du support')
    await user.click(within(panel).getByRole('button', { name: 'Créer un jeton' }))
    const field = await within(panel).findByRole('textbox', { name: /^Jeton secret de/ })
    // Testing Library's queries fold spaces: the non-breaking ones are checked on the text itself.
    expect(document.querySelector(`label[for="${field.id}"]`)?.textContent).toBe(
      'Jeton secret de «\u00a0Boîte du support\u00a0»',
    )
    expect(await axeViolations(container)).toEqual([])
    await user.click(within(panel).getByRole('button', { name: /^Révoquer/ }))
    expect((await screen.findByRole('alertdialog')).textContent).toContain(
      'Révoquer le jeton «\u00a0Boîte du support\u00a0»\u00a0?',
    )
  })
})
