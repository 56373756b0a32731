/**
 * UserTable with 10,000 loaded rows in jsdom (`pnpm bench`; real-browser figures come with the
 * Storybook issue): time to the first rows, time to page through all 10,000 by scrolling, rows
 * in the DOM once they are loaded, and the time to show the rows after a jump to the middle.
 * jsdom has no layout or paint: these are React and DOM work only. Writes bench/user-table.json,
 * which bench/run.mjs folds into the package's results.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { it } from 'vitest'
import { UserTable } from '../src/components/user-table/user-table'
import { fakeClient } from '../test/big-org-client'
import { renderWithUsher } from '../test/render'

const TOTAL = 10_000
const PAGE = 1_000
const ROW_HEIGHT = 56
const RUNS = 5

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

it('measures UserTable with 10,000 loaded rows', async () => {
  const first: number[] = []
  const loadAll: number[] = []
  const jump: number[] = []
  let domRows = 0
  for (let run = 0; run < RUNS; run++) {
    const { client } = fakeClient(TOTAL)
    const t0 = performance.now()
    const view = renderWithUsher(<UserTable pageSize={PAGE} rowHeight={ROW_HEIGHT} />, { client })
    const table = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => within(table).getByText('Person 00000'))
    first.push(performance.now() - t0)

    const t1 = performance.now()
    for (let page = 1; page < TOTAL / PAGE; page++) {
      table.scrollTop = page * PAGE * ROW_HEIGHT - 640
      fireEvent.scroll(table)
      const loaded = `${((page + 1) * PAGE).toLocaleString('en')} users loaded`
      await waitFor(() => screen.getByText(loaded), { timeout: 30_000 })
    }
    loadAll.push(performance.now() - t1)

    const t2 = performance.now()
    table.scrollTop = 5_000 * ROW_HEIGHT
    fireEvent.scroll(table)
    await waitFor(() => within(table).getByText('Person 05000'))
    jump.push(performance.now() - t2)
    domRows = within(table).getAllByRole('row').length - 1
    view.unmount()
  }
  const round = (ms: number) => Math.round(ms * 10) / 10
  const figures = {
    firstRowsMs: round(median(first)),
    loadAllMs: round(median(loadAll)),
    jumpMs: round(median(jump)),
    domRows,
    runs: RUNS,
  }
  // jsdom replaces import.meta.url's scheme: resolve from the working directory (the package).
  writeFileSync(resolve('bench/user-table.json'), `${JSON.stringify(figures, null, 2)}\n`)
  console.info('UserTable bench', figures)
})
