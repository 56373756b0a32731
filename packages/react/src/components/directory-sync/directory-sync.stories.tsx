import type { Meta, StoryObj } from '@storybook/react-vite'
import type { DirectoryRequest, DirectorySyncSettings, DirectoryToken } from '@usher/contract'
import { MOCK_API_BASE, settled } from '@usher/story-mocks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, within } from 'storybook/test'
import { DirectorySync } from './directory-sync'
import './directory-sync.css'

/**
 * The directory sync endpoints, mocked per story (the shared mock API has no directory): a small
 * state of settings, tokens and requests that the panel's actions change.
 */
function directorySyncHandlers(
  options: { tokens?: boolean; requests?: boolean; failRequests?: boolean } = {},
) {
  let settings: DirectorySyncSettings = {
    defaultRole: 'technician',
    deprovisioning: 'disable',
    invitations: 'email',
  }
  let tokens: DirectoryToken[] = options.tokens
    ? [
        {
          id: '7a1c2e90-0000-4000-8000-000000000001',
          name: 'Entra ID',
          prefix: 'usher_scim_3Fq9',
          createdAt: '2026-11-20T09:12:00.000Z',
          lastUsedAt: '2026-12-01T08:40:00.000Z',
        },
      ]
    : []
  const requests: DirectoryRequest[] = options.requests
    ? [
        {
          id: '7a1c2e90-0000-4000-8000-0000000000a1',
          at: '2026-12-01T08:40:00.000Z',
          method: 'POST',
          path: '/scim/v2/Users',
          operation: 'user.create',
          subject: 'support@durand.example',
          status: 400,
          scimType: 'invalidValue',
          reason: 'email: Shared mailboxes (support@…) cannot be invited; use a person’s own address.',
          tokenName: 'Entra ID',
        },
        {
          id: '7a1c2e90-0000-4000-8000-0000000000a2',
          at: '2026-12-01T08:39:58.000Z',
          method: 'PATCH',
          path: '/scim/v2/Users/6c2b',
          operation: 'user.update',
          subject: 'lea.martin@durand.example',
          status: 200,
          scimType: null,
          reason: null,
          tokenName: 'Entra ID',
        },
        {
          id: '7a1c2e90-0000-4000-8000-0000000000a3',
          at: '2026-12-01T08:39:57.000Z',
          method: 'GET',
          path: '/scim/v2/Users',
          operation: 'user.list',
          subject: 'userName eq "lea.martin@durand.example"',
          status: 200,
          scimType: null,
          reason: null,
          tokenName: 'Entra ID',
        },
      ]
    : []
  let next = 2
  return [
    http.get(`${MOCK_API_BASE}/directory-sync`, () =>
      HttpResponse.json({
        scimPath: '/scim/v2',
        settings,
        tokens,
        provisionedPeople: options.tokens ? 42 : 0,
      }),
    ),
    http.patch(`${MOCK_API_BASE}/directory-sync/settings`, async ({ request }) => {
      settings = { ...settings, ...((await request.json()) as Partial<DirectorySyncSettings>) }
      return HttpResponse.json(settings)
    }),
    http.post(`${MOCK_API_BASE}/directory-sync/tokens`, async ({ request }) => {
      const { name } = (await request.json()) as { name: string }
      const token: DirectoryToken = {
        id: `7a1c2e90-0000-4000-8000-00000000000${next++}`,
        name,
        prefix: 'usher_scim_Xk2P',
        createdAt: '2026-12-01T09:00:00.000Z',
        lastUsedAt: null,
      }
      tokens = [...tokens, token]
      return HttpResponse.json(
        { ...token, secret: 'usher_scim_Xk2PqL0v9sT3mWc8yB1nR4dF6hJ7kA2eG5uZ0oI8pQw' },
        { status: 201 },
      )
    }),
    http.delete(`${MOCK_API_BASE}/directory-sync/tokens/:id`, ({ params }) => {
      tokens = tokens.filter((t) => t.id !== params.id)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(`${MOCK_API_BASE}/directory-sync/requests`, ({ request }) => {
      if (options.failRequests) {
        return HttpResponse.json(
          { type: 'about:blank', title: 'Internal error', status: 500, code: 'internal_error' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        )
      }
      const failed = new URL(request.url).searchParams.get('failed') === 'true'
      return HttpResponse.json({
        items: requests.filter((r) => !failed || r.status >= 400),
        nextCursor: null,
      })
    }),
  ]
}

const meta = {
  title: 'Components/DirectorySync',
  component: DirectorySync,
  args: { apiUrl: 'https://app.durand.example/api/usher' },
  parameters: {
    msw: { handlers: { directorySync: directorySyncHandlers({ tokens: true, requests: true }) } },
    docs: {
      description: {
        component:
          'Directory sync (SCIM 2.0) for the owner, alone: the endpoint to paste in Microsoft Entra ID or Okta, tokens shown once, the default role, deprovisioning, invitation emails, and the directory’s last requests with the reason of each refusal.\n\n```tsx\n<DirectorySync apiUrl="https://app.example.com/api/usher" />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof DirectorySync>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** Connected: one token in use, the last requests with a refusal and its reason. */
export const Default: Story = {}

/** Nothing set up yet: no token, no request. */
export const Empty: Story = {
  parameters: { msw: { handlers: { directorySync: directorySyncHandlers() } } },
}

/** The owner creates a token: its secret is shown once, to copy. */
export const CreateToken: Story = {
  tags: ['!autodocs'],
  parameters: { msw: { handlers: { directorySync: directorySyncHandlers() } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText('Token name', {}, { timeout: 10_000 }), 'Okta')
    await userEvent.click(canvas.getByRole('button', { name: 'Create token' }))
    expect(await canvas.findByLabelText('Secret token for “Okta”')).toHaveValue(
      'usher_scim_Xk2PqL0v9sT3mWc8yB1nR4dF6hJ7kA2eG5uZ0oI8pQw',
    )
  },
}

/** The request log cannot be read: the panel says so and offers to retry. */
export const RequestsError: Story = {
  parameters: {
    msw: { handlers: { directorySync: directorySyncHandlers({ tokens: true, failRequests: true }) } },
  },
}

/** An admin: directory sync is the owner's. */
export const NotTheOwner: Story = { parameters: { usher: { viewer: 'admin' } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }
