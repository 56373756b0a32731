import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { waitFor } from '@testing-library/react'
import type { UsherClient } from '@usher/sdk'
import type { ReactElement } from 'react'
import { beforeAll, describe, expect, it } from 'vitest'
import { clientFor, createWorld, renderWithUsher } from '../../test/render'
import type { World } from '../../test/world'
import { AcceptInvitation } from '../components/accept-invitation'
import { EditUserDialog } from '../components/edit-user-dialog'
import { GroupSharesDialog } from '../components/group-shares-dialog'
import { InviteForm } from '../components/invite-form'
import { SharedGroupsDialog } from '../components/shared-groups-dialog'
import { TeamActivation } from '../components/team-activation'
import { GroupsManager } from '../compose/groups-manager'
import { UserTable } from '../compose/user-table'
import { RoleBadge } from '../ui/role-badge'
import { SeatUsage } from '../ui/seat-usage'

// The README's table of the client methods each component calls when it opens, checked against
// what each one calls on a real server: a host writing its own client reads it to know what to
// implement first, so it must not drift.

// Tests run in the package's folder (jsdom's import.meta.url is not a file URL).
const README = join(process.cwd(), 'README.md')

/** The client, recording every method called (its dotted path). */
function recording(client: UsherClient) {
  const calls = new Set<string>()
  const wrap = (target: object, path: string[]): object =>
    new Proxy(target, {
      get(object, key) {
        const value = Reflect.get(object, key)
        if (typeof key === 'symbol') return value
        const at = [...path, key]
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            calls.add(at.join('.'))
            return value.apply(object, args)
          }
        }
        return value && typeof value === 'object' ? wrap(value, at) : value
      },
    })
  return { client: wrap(client, []) as UsherClient, calls }
}

let world: World
beforeAll(async () => {
  world = await createWorld({ invite: true })
})

const components: Record<string, () => ReactElement> = {
  UserTable: () => <UserTable />,
  InviteForm: () => <InviteForm />,
  SharedGroupsDialog: () => (
    <SharedGroupsDialog userIds={[world.users.technician]} open onOpenChange={() => {}} />
  ),
  EditUserDialog: () => <EditUserDialog userId={world.users.technician} open onOpenChange={() => {}} />,
  GroupsManager: () => <GroupsManager />,
  GroupSharesDialog: () => <GroupSharesDialog groupId={world.groups.paris} open onOpenChange={() => {}} />,
  TeamActivation: () => <TeamActivation />,
  AcceptInvitation: () => <AcceptInvitation token={world.invitations?.pending.token ?? ''} />,
  SeatUsage: () => <SeatUsage />,
  RoleBadge: () => <RoleBadge roleKey="admin" />,
}

async function callsOf(name: string): Promise<string[]> {
  const { client, calls } = recording(clientFor(world.tokens.owner))
  const view = renderWithUsher((components[name] as () => ReactElement)(), { client })
  // Queries start in effects and some wait for others (the table waits for the viewer): settle twice.
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 150))
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0))
  }
  view.unmount()
  if (process.env.PRINT_METHODS)
    console.log(
      `| \`${name}\` | ${[...calls]
        .sort()
        .map((c) => `\`${c}\``)
        .join(', ')} |`,
    )
  return [...calls].sort()
}

function readmeTable(): Record<string, string[]> {
  const text = readFileSync(README, 'utf8')
  const block = text.split('<!-- client-methods:start -->')[1]?.split('<!-- client-methods:end -->')[0] ?? ''
  const rows: Record<string, string[]> = {}
  for (const line of block.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim())
    const name = cells[1]?.match(/^`<?(\w+)/)?.[1]
    if (!name || name === 'component') continue
    rows[name] = [...(cells[2] ?? '').matchAll(/`([\w.]+)`/g)].map((m) => m[1] as string).sort()
  }
  return rows
}

describe("the README's table of client methods", () => {
  it('names exactly the components checked here', () => {
    expect(Object.keys(readmeTable()).sort()).toEqual(Object.keys(components).sort())
  })

  for (const name of Object.keys(components)) {
    it(`lists what ${name} calls when it opens`, async () => {
      expect(readmeTable()[name]).toEqual(await callsOf(name))
    })
  }
})
