import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRoleCatalog, roleEntries, type User } from '@usher/contract'
import { ACTION_CASES, ASSIGNABLE_ROLE_CASES, HOST_ROLES, makeMe, makeUsers } from '@usher/fixtures'
import { createUsherClient, type UsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { renderWithUsher } from '../../../test/render'
import { viewerOf } from '../../hooks/use-viewer'
import { en } from '../../i18n/en'
import { UserTableRowActions } from './user-table-row-actions'

// The decision table run through what a row's "..." menu renders: the same table the contract
// and the server are checked against, so the three cannot drift apart.
const catalog = createRoleCatalog(HOST_ROLES)
const client: UsherClient = {
  ...createUsherClient({ baseUrl: 'http://127.0.0.1:9' }),
  roles: { list: async () => ({ items: roleEntries(catalog) }) } as UsherClient['roles'],
}
const [base] = makeUsers(2)

function viewerWith(role: string) {
  if (!base) throw new Error('no fixture user')
  const me = makeMe([base], { ...base, role })
  return viewerOf({ ...me, permissions: [...catalog.permissionsOf(role)] }, catalog)
}

function personFor(c: (typeof ACTION_CASES)[number], viewerId: string): User {
  if (!base) throw new Error('no fixture user')
  const invitation = c.status === 'invited' || c.status === 'expired'
  return {
    ...base,
    id: c.self ? viewerId : 'someone-else',
    firstName: 'Alex',
    lastName: 'Martin',
    role: c.target,
    status: c.status,
    mustChangePassword: c.mustChangePassword ?? false,
    invitationId: invitation ? 'invitation' : null,
  }
}

/** Opens the row's menu from the keyboard and reads what it offers; [] when there is no menu. */
async function offered(viewer: ReturnType<typeof viewerWith>, person: User) {
  const user = userEvent.setup()
  const view = renderWithUsher(
    <UserTableRowActions
      user={person}
      viewer={viewer}
      canEdit
      canShare
      onAction={() => {}}
      onChangeRole={() => {}}
    />,
    { client },
  )
  const trigger = screen.queryByRole('button', { name: 'Actions for Alex Martin' })
  if (!trigger) {
    view.unmount()
    return { actions: [], user, view }
  }
  trigger.focus()
  await user.keyboard('{Enter}')
  const menu = await screen.findByRole('menu')
  const actions = within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.getAttribute('data-action'))
  return { actions, user, view, menu }
}

describe('given the decision table', () => {
  for (const c of ACTION_CASES) {
    it(`offers ${c.name} exactly the actions of the table`, async () => {
      const viewer = viewerWith(c.viewer)
      const { actions, view } = await offered(viewer, personFor(c, viewer.id))
      expect(actions).toEqual(c.actions)
      view.unmount()
    })
  }

  it('offers under "Change role" exactly the roles the viewer may give, host roles included', async () => {
    const viewer = viewerWith('admin')
    const person = personFor(
      { name: '', viewer: 'admin', target: 'technician', status: 'active', actions: [] },
      viewer.id,
    )
    const { user, view } = await offered(viewer, person)
    await user.keyboard('{ArrowDown}')
    screen.getByRole('menuitem', { name: /Change role/ }).focus()
    await user.keyboard('{ArrowRight}')
    const roles = await screen.findAllByRole('menuitemradio')
    expect(roles.map((item) => item.textContent?.replace('✓', '').trim())).toEqual(
      ASSIGNABLE_ROLE_CASES.admin.map(
        (role) => catalog.labelOf(role, 'en') ?? (en.roles as Record<string, string>)[role],
      ),
    )
    view.unmount()
  })
})
