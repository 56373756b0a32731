import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import type { CreateInvitationsResult } from '@usher/contract'
import { HttpResponse, http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { InviteForm } from './invite-form'

// Fault cases only: every request no handler claims reaches the real server.
const faults = setupServer()
beforeAll(() => faults.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => faults.resetHandlers())
afterAll(() => faults.close())

async function renderForm(token: string, locale: Locale = 'en', { hostRoles = false } = {}) {
  const onInvited = vi.fn<(result: CreateInvitationsResult) => void>()
  const client = clientFor(token, { hostRoles })
  const view = renderWithUsher(<InviteForm onInvited={onInvited} />, { client, locale })
  const user = userEvent.setup()
  return { ...view, client, onInvited, user }
}

/**
 * The control of a row's field by its label ("Email, row 2"). getByLabelText weighs every labelled
 * element of the page on each call, which takes seconds with 20 rows in jsdom: read the labels.
 */
function field(label: string, row: number, suffix = 'row'): HTMLElement {
  const name = `${label}, ${suffix} ${row}`
  const found = [...document.querySelectorAll('label')].find((el) => el.textContent === name)
  const control = found?.htmlFor ? document.getElementById(found.htmlFor) : null
  if (!control) throw new Error(`No control labelled "${name}"`)
  return control
}

async function fillRow(
  user: UserEvent,
  row: number,
  person: { firstName?: string; lastName?: string; email: string },
) {
  if (person.firstName) await user.type(field('First name', row), person.firstName)
  if (person.lastName) await user.type(field('Last name', row), person.lastName)
  await user.type(field('Email', row), person.email)
}

/** The error text a control points at with aria-describedby. */
function errorOf(control: HTMLElement): string | null {
  const id = control.getAttribute('aria-describedby')
  if (control.getAttribute('aria-invalid') !== 'true' || !id) return null
  return id
    .split(' ')
    .map((part) => document.getElementById(part)?.textContent ?? '')
    .join(' ')
}

const rowCount = () => document.querySelectorAll('[data-slot="invite-row"]').length

describe('given an owner inviting people', () => {
  it('sends 3 rows in one request: the 2 created leave, the refused one stays with its error', async () => {
    const world = await createWorld()
    const { user, onInvited, client } = await renderForm(world.tokens.owner)
    const hugo = await client.users.get(world.users.technician)
    await screen.findByLabelText('First name, row 1')

    await fillRow(user, 1, { firstName: 'Léa', lastName: 'Petit', email: 'lea.petit@atelier.test' })
    await user.click(screen.getByRole('button', { name: 'Groups, row 1 No group' }))
    await user.click(await screen.findByRole('checkbox', { name: 'Paris Nord' }))
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: /^Contact for \(optional\), row 1/ }))
    await user.click(await screen.findByRole('checkbox', { name: 'Billing' }))
    await user.keyboard('{Escape}')
    await user.selectOptions(field('Title', 1), 'Ms')

    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await fillRow(user, 2, { firstName: 'Hugo', lastName: 'Moreau', email: hugo.email })
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await fillRow(user, 3, { firstName: 'Zoé', email: 'zoe@atelier.test' })
    await user.selectOptions(field('Role', 3), 'Administrator')

    await user.click(screen.getByRole('button', { name: 'Send invitations' }))

    expect(await screen.findByText('2 invitations sent, 1 needs attention')).toHaveAttribute('role', 'status')
    expect(rowCount()).toBe(1)
    expect(field('Email', 1)).toHaveValue(hugo.email)
    expect(errorOf(field('Email', 1))).toBe('Already a member.')
    expect(field('Email', 1)).toHaveFocus()

    expect(onInvited).toHaveBeenCalledTimes(1)
    const result = onInvited.mock.calls[0]?.[0] as CreateInvitationsResult
    expect(result).toMatchObject({ created: 2, failed: 1 })
    const lea = result.results.find((row) => row.status === 'created' && row.user.firstName === 'Léa')
    expect(lea).toMatchObject({
      index: 0,
      user: {
        salutation: 'ms',
        role: 'technician',
        groupIds: [world.groups.parisNord],
        contactFor: ['billing'],
      },
    })
    expect(result.results[2]).toMatchObject({ status: 'created', user: { role: 'admin', lastName: '' } })

    // The error leaves once the address is edited.
    await user.clear(field('Email', 1))
    await user.type(field('Email', 1), 'hugo.moreau.bis@atelier.test')
    expect(errorOf(field('Email', 1))).toBeNull()
  })

  it('flags a shared mailbox as you type, from the organization’s own list', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const me = await owner.me.get()
    await owner.organization.update(
      { settings: { refusedMailboxes: ['standard', 'maintenance'] } },
      { ifMatch: me.organization.version },
    )
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')

    await user.type(field('Email', 1), 'maintenance@acme.fr')
    await user.tab()
    expect(errorOf(field('Email', 1))).toBe('Shared mailbox: enter a person’s own address.')
    // Checked again on every keystroke now that the field was visited.
    await user.clear(field('Email', 1))
    await user.type(field('Email', 1), 'standard+tickets@acme.fr')
    expect(errorOf(field('Email', 1))).toBe('Shared mailbox: enter a person’s own address.')
    await user.clear(field('Email', 1))
    await user.type(field('Email', 1), 'support@acme.fr')
    expect(errorOf(field('Email', 1))).toBeNull()
  })

  it('flags an address entered twice, and clears it when the first one changes', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')

    await user.type(field('Email', 1), 'jean.dupont@acme.fr')
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await user.type(field('Email', 2), 'Jean.Dupont@ACME.fr')
    await user.tab()
    expect(errorOf(field('Email', 2))).toBe('Same address as row 1.')
    expect(errorOf(field('Email', 1))).toBeNull()

    await user.type(field('Email', 1), 'x')
    await waitFor(() => expect(errorOf(field('Email', 2))).toBeNull())
  })

  it('warns before submit when the technician rows exceed the plan, and the server refuses the extra row', async () => {
    const world = await createWorld({ seats: 2 })
    const { user } = await renderForm(world.tokens.owner)
    expect(await screen.findByText('1 of 2 used')).toBeInTheDocument()

    await fillRow(user, 1, { firstName: 'Inès', email: 'ines@atelier.test' })
    expect(screen.getByText('(2 of 2 with this form)')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await fillRow(user, 2, { firstName: 'Karim', email: 'karim@atelier.test' })
    expect(screen.getByText('1 of 2 used')).toBeInTheDocument()
    expect(screen.getByText('(3 of 2 with this form)')).toBeInTheDocument()
    expect(
      screen.getByText(
        'Not enough seats: 2 needed, 1 left. The server will refuse the rows beyond the limit.',
      ),
    ).toHaveAttribute('role', 'status')

    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByText('1 invitation sent, 1 needs attention')).toBeInTheDocument()
    expect(rowCount()).toBe(1)
    expect(field('Email', 1)).toHaveValue('karim@atelier.test')
    expect(errorOf(field('Role', 1))).toBe('No seat left.')
    // `me` was refreshed: the invited technician holds a seat now (2 used), and the row the
    // server refused is not counted as a seat about to be taken.
    expect(await screen.findByText('2 of 2 used')).toBeInTheDocument()
    expect(screen.queryByText(/with this form/)).toBeNull()
    expect(screen.queryByText(/Not enough seats/)).toBeNull()
    await user.selectOptions(field('Role', 1), 'Administrator')
    expect(errorOf(field('Role', 1))).toBeNull()
    expect(screen.queryByText(/with this form/)).toBeNull()
    // Edited back to a technician, the row would take a seat again.
    await user.selectOptions(field('Role', 1), 'Technician')
    expect(screen.getByText('(3 of 2 with this form)')).toBeVisible()
  })
})

describe('given a pasted list', () => {
  const named = Array.from({ length: 10 }, (_, i) => `Personne${'ABCDEFGHIJ'[i]} Test <p${i}@atelier.test>`)
  const plain = Array.from({ length: 10 }, (_, i) => `q${i}@atelier.test`)

  it('fills 20 rows from "Name <address>" and plain addresses, skipping a repeated one', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')

    await user.click(screen.getByRole('button', { name: 'Paste a list' }))
    const dialog = await screen.findByRole('dialog', { name: 'Paste a list of addresses' })
    await user.click(within(dialog).getByLabelText('Addresses'))
    await user.paste(
      `${named.slice(0, 5).join(', ')}\n${plain.slice(0, 5).join('; ')}\n${named.slice(5).join('\n')}\n${plain.slice(5).join(',')}\nP0@atelier.test`,
    )
    await user.click(within(dialog).getByRole('button', { name: 'Add to the form' }))

    expect(
      await screen.findByText('20 people added to the form. 1 address was already in the form.'),
    ).toBeInTheDocument()
    expect(rowCount()).toBe(20)
    expect(field('First name', 1)).toHaveValue('PersonneA')
    expect(field('Last name', 1)).toHaveValue('Test')
    expect(field('Email', 1)).toHaveValue('p0@atelier.test')
    expect(field('Email', 20)).toHaveValue('q9@atelier.test')
    // No display name: the first name is left to fill, and says so.
    expect(field('First name', 6)).toHaveValue('')
    expect(errorOf(field('First name', 6))).toBe('Required.')
    expect(errorOf(field('First name', 1))).toBeNull()
  })

  it('keeps junk as a row with its error, and gives pasted rows the empty row’s groups', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await user.click(await screen.findByRole('button', { name: 'Groups, row 1 No group' }))
    await user.click(await screen.findByRole('checkbox', { name: 'Clients Lyon' }))
    await user.keyboard('{Escape}')

    await user.click(screen.getByRole('button', { name: 'Paste a list' }))
    await user.click(await screen.findByLabelText('Addresses'))
    await user.paste('"Durand, Léa" <lea@atelier.test>, not an address')
    await user.click(screen.getByRole('button', { name: 'Add to the form' }))

    expect(
      await screen.findByText(
        '2 people added to the form. 1 entry is not an address: correct it in its row.',
      ),
    ).toBeInTheDocument()
    expect(field('First name', 1)).toHaveValue('Léa')
    expect(field('Last name', 1)).toHaveValue('Durand')
    expect(field('Email', 2)).toHaveValue('not an address')
    expect(errorOf(field('Email', 2))).toBe('Enter a valid email address.')
    expect(screen.getByRole('button', { name: 'Groups, row 2 Clients Lyon' })).toBeInTheDocument()

    // Once the row is fixed, the notice that pointed at it goes.
    await user.clear(field('Email', 2))
    await user.type(field('Email', 2), 'marc.petit@atelier.test')
    await user.type(field('First name', 2), 'Marc')
    await user.tab()
    await waitFor(() => expect(screen.queryByText(/1 entry is not an address/)).toBeNull())
  })

  it('names the people whose bare address spells it (first.last@, first_last@), editable', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await user.click(await screen.findByRole('button', { name: 'Paste a list' }))
    await user.click(await screen.findByLabelText('Addresses'))
    await user.paste('julie.blanc@atelier.test\nmarc_petit@atelier.test')
    await user.click(screen.getByRole('button', { name: 'Add to the form' }))
    await screen.findByText(/2 people added to the form/)
    expect(field('First name', 1)).toHaveValue('Julie')
    expect(field('Last name', 1)).toHaveValue('Blanc')
    expect(field('First name', 2)).toHaveValue('Marc')
    expect(field('Last name', 2)).toHaveValue('Petit')
    expect(errorOf(field('First name', 1))).toBeNull()
    await user.clear(field('First name', 2))
    await user.type(field('First name', 2), 'Marc-Antoine')
    expect(field('First name', 2)).toHaveValue('Marc-Antoine')
  })
})

describe('given rows added and removed', () => {
  it('moves focus to the new row, then to the next row after a removal', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')
    expect(screen.queryByRole('button', { name: 'Remove, row 1' })).toBeNull()

    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    expect(field('Title', 2)).toHaveFocus()
    await user.type(field('Email', 2), 'second@atelier.test')
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await user.type(field('Email', 3), 'third@atelier.test')

    await user.click(screen.getByRole('button', { name: 'Remove, row 2' }))
    expect(rowCount()).toBe(2)
    expect(field('Email', 2)).toHaveValue('third@atelier.test')
    expect(field('Title', 2)).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Remove, row 2' }))
    expect(field('Title', 1)).toHaveFocus()
  })
})

describe('given a group-scoped admin', () => {
  it('offers only the roles they may give, and shows the server’s refusal of a row without groups', async () => {
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.admin)
    const role = await screen.findByLabelText('Role, row 1')
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Administrator', 'Technician'])
    expect(role).toHaveValue('technician')

    await fillRow(user, 1, { firstName: 'Nina', email: 'nina@atelier.test' })
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByText('No invitation sent, 1 needs attention')).toBeInTheDocument()
    const groups = screen.getByRole('button', { name: 'Groups, row 1 No group' })
    expect(errorOf(groups)).toBe('Choose at least one of your groups.')
    expect(groups).toHaveFocus()

    await user.click(groups)
    // The admin sees their own groups only.
    const popover = await screen.findByRole('dialog', { name: 'Groups, row 1' })
    expect(within(popover).queryByRole('checkbox', { name: 'Clients Lyon' })).toBeNull()
    await user.click(within(popover).getByRole('checkbox', { name: 'Clients Paris' }))
    await user.click(within(popover).getByRole('button', { name: 'Done' }))
    expect(errorOf(screen.getByRole('button', { name: 'Groups, row 1 Clients Paris' }))).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByText('1 invitation sent')).toBeInTheDocument()
    expect(field('Email', 1)).toHaveValue('')
  })
})

describe('given a host that declares its own roles', () => {
  const roleNames = (select: HTMLElement) =>
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent)

  it('offers the operator between administrator and technician, and the server invites one', async () => {
    const world = await createWorld({ hostRoles: true })
    const { user, client, onInvited } = await renderForm(world.tokens.owner, 'en', { hostRoles: true })
    const role = await screen.findByLabelText('Role, row 1')
    expect(roleNames(role)).toEqual(['Owner', 'Administrator', 'Operator', 'Technician'])

    await fillRow(user, 1, { firstName: 'Olga', lastName: 'Martin', email: 'olga.martin@atelier.test' })
    await user.selectOptions(role, 'Operator')
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))

    expect(await screen.findByText('1 invitation sent')).toHaveAttribute('role', 'status')
    const created = onInvited.mock.calls[0]?.[0].results[0]
    if (created?.status !== 'created') throw new Error('the operator was not invited')
    expect(await client.users.get(created.user.id)).toMatchObject({
      email: 'olga.martin@atelier.test',
      role: 'operator',
      status: 'invited',
    })
  })

  it('offers a group admin the operator too, never the owner', async () => {
    const world = await createWorld({ hostRoles: true })
    await renderForm(world.tokens.admin, 'en', { hostRoles: true })
    expect(roleNames(await screen.findByLabelText('Role, row 1'))).toEqual([
      'Administrator',
      'Operator',
      'Technician',
    ])
  })
})

describe('given a request that fails as a whole', () => {
  it('keeps the rows, shows an alert, and retries with the same idempotency key until the rows change', async () => {
    const world = await createWorld()
    const keys: (string | null)[] = []
    let failures = 2
    faults.use(
      http.post(`${serverUrl()}/invitations`, async ({ request }) => {
        // The row's existing-account check (a dry run) is not the submit under test.
        if (((await request.clone().json()) as { dryRun?: boolean }).dryRun) return passthrough()
        keys.push(request.headers.get('idempotency-key'))
        return failures-- > 0 ? HttpResponse.error() : passthrough()
      }),
    )
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')
    await fillRow(user, 1, { firstName: 'Paul', email: 'paul@atelier.test' })

    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    )
    expect(field('Email', 1)).toHaveValue('paul@atelier.test')

    // Rows changed: a new key.
    await user.type(field('Last name', 1), 'Roux')
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    await waitFor(() => expect(keys).toHaveLength(2))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    // The same request again: the same key, so the server would not invite twice.
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByText('1 invitation sent')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()

    expect(keys).toHaveLength(3)
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(keys[1]).not.toBe(keys[0])
    expect(keys[2]).toBe(keys[1])
  })

  it('shows the problem of a refused request (team not activated) without losing the rows', async () => {
    const world = await createWorld()
    faults.use(
      http.post(`${serverUrl()}/invitations`, () =>
        HttpResponse.json(
          {
            type: 'https://usher.dev/problems/team-not-activated',
            title: 'The team must be activated before users can be managed.',
            status: 409,
            code: 'team_not_activated',
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')
    await fillRow(user, 1, { firstName: 'Paul', email: 'paul@atelier.test' })
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Name your team to activate it before managing users, groups or shares.',
    )
    expect(field('First name', 1)).toHaveValue('Paul')
  })
  it('puts the field errors of a refused request (422) on the rows they name', async () => {
    const world = await createWorld()
    faults.use(
      http.post(`${serverUrl()}/invitations`, () =>
        HttpResponse.json(
          {
            type: 'https://usher.dev/problems/validation-failed',
            title: 'The request has invalid fields.',
            status: 422,
            code: 'validation_failed',
            errors: [{ path: 'invitations.1.email', code: 'duplicate', message: 'Same address as row 1.' }],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')
    await fillRow(user, 1, { firstName: 'Paul', email: 'paul@atelier.test' })
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await fillRow(user, 2, { firstName: 'Rose', email: 'rose@atelier.test' })
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields are invalid.')
    expect(errorOf(field('Email', 2))).toBe('Entered twice.')
    expect(errorOf(field('Email', 1))).toBeNull()
    expect(rowCount()).toBe(2)
  })
})

describe('given an address that already has an account elsewhere', () => {
  it('notes on its row that the person joins without a new registration, and not on a new address', async () => {
    const elsewhere = await createWorld()
    const world = await createWorld()
    const { user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('First name, row 1')
    await fillRow(user, 1, { firstName: 'Oliver', email: elsewhere.emails.technician })
    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await fillRow(user, 2, { firstName: 'Nina', email: 'nina.new@atelier.test' })

    const rows = () => [...document.querySelectorAll('[data-slot="invite-row"]')] as HTMLElement[]
    const note = 'Existing account: added without a new registration.'
    expect(await within(rows()[0] as HTMLElement).findByText(note)).toHaveAttribute('role', 'note')
    // The new address was checked too (same round of requests) and has no note.
    await waitFor(() => expect(within(rows()[1] as HTMLElement).queryByText(note)).toBeNull())
    expect(screen.getAllByText(note)).toHaveLength(1)
    // A note, not an error: the address field is not marked invalid.
    expect(errorOf(field('Email', 1))).toBeNull()
  })

  it('says the person is added at once when the organization adds existing accounts, and adds them', async () => {
    const elsewhere = await createWorld()
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.organization.update(
      { settings: { existingAccounts: 'add' } },
      { ifMatch: (await owner.me.get()).organization.version },
    )
    const { user, onInvited } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('First name, row 1')
    await fillRow(user, 1, { firstName: 'Oliver', email: elsewhere.emails.technician })

    const note = await screen.findByText('Existing account: added at once, with a notice email.')
    expect(note).toHaveAttribute('role', 'note')
    expect(screen.queryByText('Existing account: added without a new registration.')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    expect(await screen.findByText('No invitation sent, 1 person added at once')).toBeInTheDocument()
    const [row] = onInvited.mock.calls[0]?.[0].results ?? []
    expect(row?.status === 'joined' && row.user.status).toBe('active')
  })
})

describe('given other viewers and languages', () => {
  it('tells a technician they cannot invite, with no form', async () => {
    const world = await createWorld()
    await renderForm(world.tokens.technician)
    expect(await screen.findByText(/You cannot invite people/)).toBeInTheDocument()
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Send invitations' })).toBeNull()
  })

  it('renders in French with no missing key', async () => {
    const world = await createWorld()
    const { container, user } = await renderForm(world.tokens.owner, 'fr')
    expect(await screen.findByLabelText('Prénom, ligne 1')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Inviter des personnes' })).toBeInTheDocument()
    expect(screen.getByLabelText('Civilité, ligne 1')).toHaveDisplayValue('—')
    expect(screen.getByRole('option', { name: 'Mme' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Groupes, ligne 1 Aucun groupe' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }))
    expect(errorOf(screen.getByLabelText('Prénom, ligne 1'))).toBe('Obligatoire.')
    expect(container.textContent).not.toMatch(/inviteForm\.|errors\.|common\./)
  })
})

describe('given axe', () => {
  it('finds no violation in the empty form, with errors, with the groups open, or in the paste dialog', async () => {
    const world = await createWorld()
    const { container, user } = await renderForm(world.tokens.owner)
    await screen.findByLabelText('Email, row 1')
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: '+ Add another person' }))
    await user.type(field('Email', 2), 'maintenance@acme.fr')
    await user.click(screen.getByRole('button', { name: 'Send invitations' }))
    await waitFor(() =>
      expect(errorOf(field('Email', 2))).toBe('Shared mailbox: enter a person’s own address.'),
    )
    expect(errorOf(field('First name', 1))).toBe('Required.')
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Groups, row 1 No group' }))
    await screen.findByRole('checkbox', { name: 'Clients Paris' })
    expect(await axeViolations(container)).toEqual([])
    await user.keyboard('{Escape}')

    await user.click(screen.getByRole('button', { name: 'Paste a list' }))
    await user.click(await screen.findByRole('button', { name: 'Add to the form' }))
    expect(await screen.findByText('No address found in this text.')).toHaveAttribute('role', 'alert')
    expect(await axeViolations(container)).toEqual([])
  })
})
