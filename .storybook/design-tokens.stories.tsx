import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { DesignTokens, readTokens } from './design-tokens'

const meta = {
  title: 'Design tokens',
  component: DesignTokens,
  parameters: {
    docs: {
      description: {
        component:
          'Every `--usher-*` custom property of `@usher/react/styles.css`, read from the stylesheet itself, with its light and its dark value. Set them on `:root`, on any element around Usher, or on a class passed as `className` to the provider.',
      },
    },
  },
} satisfies Meta<typeof DesignTokens>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const AllTokens: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const tokens = readTokens()
    await expect(tokens.length).toBeGreaterThan(20)
    // Each token is a row, and a colour shows both values.
    await expect(canvas.getByRole('rowheader', { name: '--usher-accent' })).toBeInTheDocument()
    const accent = tokens.find((t) => t.name === '--usher-accent')
    await expect(accent?.light).toBe('#0a58f0')
    await expect(accent?.dark).toBe('#4d8dff')
    await expect(canvas.getAllByRole('row')).toHaveLength(tokens.length + 1)
  },
}
