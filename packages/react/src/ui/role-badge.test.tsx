import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createUsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, renderWithUsher } from '../../test/render'
import { RoleBadge } from './role-badge'

// RoleBadge needs no data: any client will do.
const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })

describe('given a RoleBadge', () => {
  it('names each built-in role in English and French', () => {
    const { unmount } = renderWithUsher(
      <>
        <RoleBadge roleKey="owner" />
        <RoleBadge roleKey="admin" />
        <RoleBadge roleKey="technician" />
      </>,
      { client },
    )
    expect(screen.getByText('Owner')).toHaveAttribute('data-role', 'owner')
    expect(screen.getByText('Administrator')).toBeInTheDocument()
    expect(screen.getByText('Technician')).toBeInTheDocument()
    unmount()
    renderWithUsher(<RoleBadge roleKey="technician" />, { client, locale: 'fr' })
    expect(screen.getByText('Technicien')).toBeInTheDocument()
  })

  it('lists what the role may do in a tooltip reachable by keyboard', async () => {
    renderWithUsher(<RoleBadge roleKey="admin" />, { client })
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
    await userEvent.tab()
    expect(screen.getByText('Administrator')).toHaveFocus()
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('invite people'))
    expect(screen.queryAllByText('manage the organization')).toHaveLength(0)
    // A screen reader reads the list as the badge's description when it takes focus.
    expect(screen.getByText('Administrator')).toHaveAccessibleDescription(/invite people/)
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
    await userEvent.tab()
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
  })

  it('shows the tooltip while the pointer rests on the badge, and hides it when it leaves', async () => {
    renderWithUsher(<RoleBadge roleKey="owner" />, { client })
    await userEvent.hover(screen.getByText('Owner'))
    expect(await screen.findByRole('tooltip')).toHaveTextContent('manage the organization')
    await userEvent.unhover(screen.getByText('Owner'))
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument())
  })

  it('says a technician sees only what is shared with them', async () => {
    renderWithUsher(<RoleBadge roleKey="technician" />, { client })
    await userEvent.tab()
    await waitFor(() => expect(screen.getAllByText(/groups shared with them/).length).toBeGreaterThan(0))
  })

  it('shows a custom role by its key, and passes axe', async () => {
    const { container } = renderWithUsher(<RoleBadge roleKey="auditor" permissions={['audit:read']} />, {
      client,
    })
    expect(screen.getByText('Custom role (auditor)')).toHaveAttribute('data-role', 'custom')
    expect(await axeViolations(container)).toEqual([])
  })

  it('names a host-defined role by its label in the current language, with its permissions', async () => {
    const roles = {
      ...client,
      roles: {
        list: async () => ({
          items: [
            {
              key: 'operator',
              builtIn: false,
              rank: 15,
              scope: 'groups' as const,
              takesSeat: true,
              permissions: ['users:read' as const],
              label: { en: 'Operator', fr: 'Opérateur' },
            },
          ],
        }),
      },
    }
    const { unmount } = renderWithUsher(<RoleBadge roleKey="operator" />, { client: roles })
    expect(await screen.findByText('Operator')).toHaveAttribute('data-role', 'custom')
    await userEvent.tab()
    await waitFor(() => expect(screen.getAllByText('see users').length).toBeGreaterThan(0))
    unmount()
    renderWithUsher(<RoleBadge roleKey="operator" />, { client: roles, locale: 'fr' })
    expect(await screen.findByText('Opérateur')).toBeInTheDocument()
  })
})
