import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled } from '@usher/story-mocks'
import { expect, within } from 'storybook/test'
import { ExportUsersButton } from './export-users-button'
import './export-users.css'

const meta = {
  title: 'Components/ExportUsersButton',
  component: ExportUsersButton,
  parameters: {
    docs: {
      description: {
        component:
          'Downloads the members list as CSV: the table’s search, filters, sort and shown columns, or its selection. Headers in the viewer’s language; `;` between cells in French. The users table shows it in its toolbar and bulk bar.\n\n```tsx\n<ExportUsersButton query={{ status: ["active"] }} visibleColumns={["name", "role"]} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof ExportUsersButton>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** The whole list, as the table's toolbar shows it. */
export const Default: Story = {}

/** The bulk bar's "Export selected". */
export const Selected: Story = { args: { userIds: ['a', 'b', 'c'] } }

/** More people selected than one request may name: the button says what to do instead. */
export const TooManySelected: Story = {
  tags: ['!autodocs'],
  args: { userIds: Array.from({ length: 201 }, (_, i) => `id-${i}`) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(await canvas.findByRole('button', { name: /Export selected/ }, { timeout: 10_000 })).toBeDisabled()
    expect(canvas.getByText(/Select at most 200 people/)).toBeInTheDocument()
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

/** A technician may not read the users: nothing shows. */
export const Technician: Story = { parameters: { usher: { viewer: 'technician' } } }
