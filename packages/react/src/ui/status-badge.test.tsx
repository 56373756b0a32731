import { screen } from '@testing-library/react'
import { createUsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, renderWithUsher } from '../../test/render'
import { StatusBadge } from './status-badge'

const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 60_000).toISOString()

describe('given a StatusBadge', () => {
  it('says when an invitation expires, in English and French', () => {
    const { unmount } = renderWithUsher(<StatusBadge status="invited" invitationExpiresAt={inDays(3)} />, {
      client,
    })
    expect(screen.getByText('Invited, expires in 3 days')).toHaveAttribute('data-status', 'invited')
    unmount()
    renderWithUsher(<StatusBadge status="invited" invitationExpiresAt={inDays(3)} />, {
      client,
      locale: 'fr',
    })
    expect(screen.getByText('Invité, expire dans 3 jours')).toBeInTheDocument()
  })

  it('says since when an invitation is expired', () => {
    renderWithUsher(<StatusBadge status="expired" invitationExpiresAt={inDays(-2)} />, { client })
    expect(screen.getByText(/Invitation expired 2 days ago|Invitation expired 1 day ago/)).toBeInTheDocument()
  })

  it('shows active and disabled, and passes axe', async () => {
    const { container } = renderWithUsher(
      <>
        <StatusBadge status="active" />
        <StatusBadge status="disabled" />
      </>,
      { client, locale: 'fr' },
    )
    expect(screen.getByText('Actif')).toBeInTheDocument()
    expect(screen.getByText('Désactivé')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })
})
