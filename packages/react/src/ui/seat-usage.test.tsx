import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../test/render'
import { SeatUsage } from './seat-usage'

describe('given SeatUsage on a plan with seats', () => {
  it('counts the seats, warns once the plan is full, and passes axe', async () => {
    const world = await createWorld({ seats: 2 })
    const { container } = renderWithUsher(<SeatUsage pending={1} />, {
      client: clientFor(world.tokens.owner),
    })
    // One technician exists; one more about to be added fills the plan of two.
    expect(await screen.findByText('1 of 2 used')).toBeInTheDocument()
    expect(screen.getByText('(2 of 2 with this form)')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('This form takes the last seats.')
    expect((screen.getByRole('meter', { name: 'Seats' }) as HTMLMeterElement).value).toBe(1)
    expect(await axeViolations(container)).toEqual([])
  })

  it('says the plan is full when every seat is taken now', async () => {
    const world = await createWorld({ seats: 1 })
    renderWithUsher(<SeatUsage />, { client: clientFor(world.tokens.owner) })
    expect(await screen.findByText('1 of 1 used')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('All seats are taken.')
    expect(screen.queryByText(/with this form/)).toBeNull()
  })

  it('tells a form that goes over the plan by how many, apart from one that only fills it', async () => {
    const world = await createWorld({ seats: 2 })
    renderWithUsher(<SeatUsage pending={3} />, { client: clientFor(world.tokens.owner) })
    expect(await screen.findByText('(4 of 2 with this form)')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('This form goes over the plan by 2 seats.')
    expect(screen.getByRole('status')).not.toHaveTextContent('last seats')
  })

  it('says unlimited in French when the plan has no cap', async () => {
    const world = await createWorld()
    renderWithUsher(<SeatUsage />, { client: clientFor(world.tokens.owner), locale: 'fr' })
    expect(await screen.findByText('1 utilisé (illimité)')).toBeInTheDocument()
  })
})
