import type { Meta, StoryObj } from '@storybook/react-vite'
import type { AccessReviewItem, AccessReview as Review } from '@usher/contract'
import { settled } from '@usher/story-mocks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, within } from 'storybook/test'
import { AccessReview } from './access-review'
import './access-review.css'

const camille = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Camille Durand',
  email: 'camille@atelier.test',
}
const elodie = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Élodie Martin',
  email: 'elodie@atelier.test',
}
const hugo = { id: '00000000-0000-4000-8000-000000000003', name: 'Hugo Moreau', email: 'hugo@atelier.test' }
const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()

const REVIEW: Review = {
  id: '00000000-0000-4000-8000-0000000000a1',
  status: 'open',
  startedAt: ago(30),
  startedBy: camille,
  closedAt: null,
  closedBy: null,
  counts: { total: 4, pending: 3, confirmed: 1, removed: 0 },
  reviewers: [
    { ...camille, pending: 3 },
    { ...elodie, pending: 2 },
  ],
  remindedAt: null,
}

const line = (n: number, rest: Partial<AccessReviewItem>): AccessReviewItem => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  kind: 'role',
  user: hugo,
  role: 'technician',
  group: null,
  permission: null,
  decision: 'pending',
  decidedBy: null,
  decidedAt: null,
  canDecide: true,
  ...rest,
})

const LINES: AccessReviewItem[] = [
  line(1, {
    user: elodie,
    role: 'admin',
    decision: 'confirmed',
    canDecide: false,
    decidedBy: camille,
    decidedAt: ago(2),
  }),
  line(2, {}),
  line(3, {
    kind: 'share',
    group: { id: '00000000-0000-4000-8000-0000000000b1', name: 'Paris Nord' },
    permission: 'view',
  }),
  line(4, { user: camille, role: 'owner', canDecide: false }),
]

/** What the access-review endpoints answer in these stories (the mock API keeps no reviews). */
const answers = (review: Review | null, items: AccessReviewItem[]) => ({
  handlers: {
    accessReviews: [
      http.get('*/access-reviews/current', () => HttpResponse.json({ review })),
      http.get('*/access-reviews/:id/items', ({ request }) => {
        const decision = new URL(request.url).searchParams.get('decision')
        return HttpResponse.json({
          items: decision ? items.filter((item) => item.decision === decision) : items,
          nextCursor: null,
        })
      }),
      http.post('*/access-reviews/:id/remind', () => HttpResponse.json({ reminded: 2 })),
    ],
  },
})

const meta = {
  title: 'Components/AccessReview',
  component: AccessReview,
  parameters: {
    msw: answers(REVIEW, LINES),
    docs: {
      description: {
        component:
          'The owner starts a review of who holds which role and which shared groups; each administrator confirms or removes the lines within their groups. The owner reminds the reviewers who have lines left, closes the review and downloads its outcome.\n\n```tsx\n<AccessReview />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof AccessReview>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** An open review seen by the owner: progress, reviewers, the lines left to decide. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole(
        'button',
        { name: 'Remove: Role: Technician for Hugo Moreau' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Remind reviewers' }))
    expect(await canvas.findByText('A reminder was sent to 2 reviewers.')).toBeInTheDocument()
  },
}

/** Every line, decided ones included. */
export const AllLines: Story = { args: { defaultFilter: 'all' } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }

/** Before the first review: the owner's start button. */
export const NoReviewYet: Story = { parameters: { msw: answers(null, []) } }

/** A closed review: its outcome, a new review, the CSV. */
export const Closed: Story = {
  parameters: {
    msw: answers(
      { ...REVIEW, status: 'closed', closedAt: ago(1), closedBy: camille, reviewers: [] },
      LINES.map((item) => ({ ...item, canDecide: false })),
    ),
  },
  args: { defaultFilter: 'all' },
}

/** At a phone's width the lines read as cards. */
export const Narrow: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
}
