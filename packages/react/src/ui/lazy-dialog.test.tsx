import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createUsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, renderWithUsher } from '../../test/render'
import { DialogFrame, DialogHeader } from './dialog-frame'
import { lazyDialog } from './lazy-dialog'

const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })

interface NoteDialogProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  trigger?: React.ReactNode
}

function NoteDialog(props: NoteDialogProps) {
  return (
    <DialogFrame slot="note" panelClassName="usher-note" {...props}>
      {() => <DialogHeader slot="note" title="A note" description="Loaded when first opened." />}
    </DialogFrame>
  )
}

/** A lazily loaded NoteDialog whose loads are counted, and held until `release()`. */
function counted() {
  const state = { loads: 0, release: () => {} }
  const gate = new Promise<void>((resolve) => {
    state.release = resolve
  })
  const Dialog = lazyDialog<NoteDialogProps>(async () => {
    state.loads += 1
    await gate
    return NoteDialog
  })
  return { state, Dialog }
}

describe('given a lazily loaded dialog with a trigger', () => {
  it('loads nothing until its trigger is pointed at, then opens on click and returns focus on close', async () => {
    const { state, Dialog } = counted()
    renderWithUsher(<Dialog trigger={<button type="button">Open the note</button>} />, { client })
    const trigger = screen.getByRole('button', { name: 'Open the note' })
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog')
    expect(state.loads).toBe(0)
    await userEvent.hover(trigger)
    expect(state.loads).toBe(1)
    await userEvent.click(trigger)
    // Still downloading: the trigger stays, no dialog yet.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    state.release()
    expect(await screen.findByRole('dialog', { name: 'A note' })).toBeInTheDocument()
    expect(state.loads).toBe(1)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Open the note' })).toHaveFocus()
  })

  it('preloads on keyboard focus too, and passes axe once open', async () => {
    const { state, Dialog } = counted()
    const { container } = renderWithUsher(<Dialog trigger={<button type="button">Open the note</button>} />, {
      client,
    })
    await userEvent.tab()
    expect(state.loads).toBe(1)
    state.release()
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByRole('dialog', { name: 'A note' })).toBeInTheDocument()
    expect(await axeViolations(container.ownerDocument.body)).toEqual([])
  })
})

describe('given a lazily loaded controlled dialog', () => {
  it('renders nothing and loads nothing while closed, and opens when told', async () => {
    const { state, Dialog } = counted()
    state.release()
    const { rerender } = renderWithUsher(<Dialog open={false} />, { client })
    expect(state.loads).toBe(0)
    rerender(<Dialog open />)
    expect(await screen.findByRole('dialog', { name: 'A note' })).toBeInTheDocument()
  })
})
