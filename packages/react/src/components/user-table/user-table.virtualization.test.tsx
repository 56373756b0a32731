import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeClient } from '../../../test/big-org-client'
import { renderWithUsher } from '../../../test/render'
import { UserTable } from './user-table'

const TOTAL = 10_000
const ROW_HEIGHT = 56
const PAGE = 1_000

describe('given 10,000 users', () => {
  it('loads them page by page and keeps only a window of rows in the DOM', async () => {
    const { client, requests } = fakeClient()
    const started = performance.now()
    renderWithUsher(<UserTable pageSize={PAGE} rowHeight={ROW_HEIGHT} />, { client })
    const table = await screen.findByRole('table', { name: 'Users' })
    const rows = () => within(table).getAllByRole('row').slice(1)
    await waitFor(() => expect(rows().length).toBeGreaterThan(0))
    const firstRender = performance.now() - started

    // Scroll to the end of what is loaded, page after page, as a person scrolling would.
    for (let page = 1; page < TOTAL / PAGE; page++) {
      table.scrollTop = page * PAGE * ROW_HEIGHT - 640
      fireEvent.scroll(table)
      const loaded = `${((page + 1) * PAGE).toLocaleString('en')} users loaded`
      await waitFor(() => expect(screen.getByText(loaded)).toBeInTheDocument())
    }
    // Every page is in: the full size is known and announced.
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1)))
    expect(requests).toHaveLength(TOTAL / PAGE)

    // Jump to the middle: the rows there are rendered, with their true position.
    table.scrollTop = 5_000 * ROW_HEIGHT
    fireEvent.scroll(table)
    await waitFor(() => expect(within(table).getByText('Person 05000')).toBeInTheDocument())
    const shown = rows()
    const indexes = shown.map((row) => Number(row.getAttribute('aria-rowindex')))
    expect(shown.length).toBeLessThan(40)
    expect(Math.min(...indexes)).toBeGreaterThan(4_950)
    expect(Math.max(...indexes)).toBeLessThan(5_050)
    expect(within(table).queryByText('Person 00000')).not.toBeInTheDocument()
    // The table's body keeps the full height, so the scrollbar stands for all 10,000 rows.
    const body = table.querySelector('[data-slot="user-table-body"]') as HTMLElement
    expect(body.style.height).toBe(`${TOTAL * ROW_HEIGHT}px`)
    console.info(
      `UserTable, ${TOTAL} loaded rows in jsdom: ${shown.length} rows in the DOM; first render ${Math.round(firstRender)} ms`,
    )
  })

  it('selects all loaded users at once', async () => {
    const { client } = fakeClient()
    renderWithUsher(<UserTable pageSize={2_000} />, { client })
    const table = await screen.findByRole('table', { name: 'Users' })
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select all loaded users' }))
    expect(screen.getByRole('group', { name: 'Actions on the selected users' })).toHaveTextContent(
      '2,000 selected',
    )
  })
})
