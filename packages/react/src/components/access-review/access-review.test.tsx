import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { AccessReview } from './access-review'

function renderReview(token: string, locale: Locale = 'en') {
  const view = renderWithUsher(<AccessReview />, { client: clientFor(token), locale })
  return { ...view, user: userEvent.setup() }
}

describe('AccessReview', () => {
  it('lets the owner start a review, remind the reviewers and close it with its outcome', async () => {
    const world = await createWorld()
    const { user, container } = renderReview(world.tokens.owner)
    await user.click(await screen.findByRole('button', { name: 'Start a review' }))
    // Élodie's and Hugo's roles are the owner's to decide; the owner's own is someone else's.
    const table = await screen.findByRole('table', { name: 'Lines of the review' })
    expect(within(table).getByText('Hugo Moreau')).toBeInTheDocument()
    expect(within(table).getByText('Élodie Martin')).toBeInTheDocument()
    expect(screen.getByText('0 of 3 lines decided in your scope.')).toBeInTheDocument()
    // The reminders that go out on their own are said, not only the button.
    expect(
      screen.getByText('Reviewers with lines left are reminded by email every 3 days.'),
    ).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Confirm: Role: Administrator for Élodie Martin' }))
    expect(await screen.findByText('1 of 3 lines decided in your scope.')).toBeInTheDocument()
    await waitFor(() => expect(within(table).queryByText('Élodie Martin')).not.toBeInTheDocument())

    await user.click(screen.getByRole('button', { name: 'Remind reviewers' }))
    // Élodie still has Hugo's line; so has the owner.
    expect(await screen.findByText('A reminder was sent to 2 reviewers.')).toBeInTheDocument()

    const close = screen.getByRole('button', { name: 'Close the review' })
    await user.click(close)
    const dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).getByText(/stay “not reviewed” in the outcome/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Close the review' }))
    expect(
      await screen.findByText(/Last review closed .*: 1 confirmed, 0 removed, 2 not reviewed\./),
    ).toBeInTheDocument()
    const [event] = (await clientFor(world.tokens.owner).audit.list({ action: 'access_review.closed' })).items
    expect(event?.changes).toMatchObject({ confirmed: [null, 1], notReviewed: [null, 2] })
    expect(screen.getByRole('button', { name: 'Start a new review' })).toBeInTheDocument()
  }, 60_000)

  it('lets a group admin remove an access within their groups, after saying what it does', async () => {
    const world = await createWorld()
    await clientFor(world.tokens.owner).accessReviews?.start()
    const { user, container } = renderReview(world.tokens.admin)
    const remove = await screen.findByRole('button', { name: 'Remove: Role: Technician for Hugo Moreau' })
    // Her own role is for someone else to decide: no buttons on it.
    expect(screen.queryByRole('button', { name: /for Élodie Martin/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Start a review' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Remind reviewers' })).not.toBeInTheDocument()

    await user.click(remove)
    const dialog = await screen.findByRole('alertdialog', { name: 'Disable the account of Hugo Moreau?' })
    expect(await axeViolations(container.ownerDocument.body)).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(remove).toHaveFocus())

    await user.click(remove)
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }))
    await waitFor(async () => {
      const hugo = await clientFor(world.tokens.owner).users.get(world.users.technician)
      expect(hugo.status).toBe('disabled')
    })
    // Left to decide: her own line only, which is someone else's to decide.
    await waitFor(() => expect(screen.queryByText('Hugo Moreau')).not.toBeInTheDocument())
    await user.selectOptions(screen.getByLabelText('Show'), 'All lines')
    expect(await screen.findByText('Removed by Élodie Martin')).toBeInTheDocument()
  }, 60_000)

  it('speaks French before the first review', async () => {
    const world = await createWorld()
    renderReview(world.tokens.owner, 'fr')
    expect(await screen.findByText('Aucune revue des accès n’a encore été lancée.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Lancer une revue' })).toBeInTheDocument()
  })
})
