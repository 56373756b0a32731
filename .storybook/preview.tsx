import type { Decorator, Preview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import '../packages/react/src/styles/base.css'
import '../packages/react/src/components/invite-form/invite-form.css'
import '../packages/react/src/components/shared-groups-dialog/shared-groups-dialog.css'
import '../packages/react/src/components/user-table/user-table.css'
import {
  createMockDbForStory,
  type UsherStoryGlobals,
  type UsherStoryParameters,
  usherHandlers,
  type Viewer,
} from '../packages/story-mocks/src/index'
import { UsherDocsPage } from './docs-page'
import { UsherStoryFrame } from './usher-story-frame'

// Every story renders inside UsherProvider, as the viewer, in the language and theme the toolbar
// picks (a story may pin them through `parameters.usher`).
const withUsher: Decorator = (Story, context) => {
  const pinned = (context.parameters.usher ?? {}) as UsherStoryParameters
  const locale = (pinned.locale ?? context.globals.locale ?? 'en') as NonNullable<UsherStoryGlobals['locale']>
  const theme = (pinned.theme ?? context.globals.theme ?? 'light') as 'light' | 'dark'
  const viewer = (pinned.viewer ?? context.globals.viewer ?? 'owner') as Viewer
  return (
    <UsherStoryFrame storyId={context.id} locale={locale} theme={theme} viewer={viewer}>
      <Story />
    </UsherStoryFrame>
  )
}

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withUsher],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker()
      await worker.start({
        quiet: true,
        onUnhandledRequest: 'bypass',
        // Relative, so the static build works under any path prefix.
        serviceWorker: { url: './mockServiceWorker.js' },
      })
      return worker
    }),
    // A fresh in-memory API per story, from its scenario.
    async (context) => {
      createMockDbForStory(context.id, context.parameters.usher as UsherStoryParameters | undefined)
      return {}
    },
  ],
  globalTypes: {
    locale: {
      description: 'Interface language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    viewer: {
      description: 'Who is looking: their role decides what they may do',
      toolbar: {
        title: 'Viewer',
        icon: 'user',
        items: [
          { value: 'owner', title: 'Owner (Camille Durand)' },
          { value: 'admin', title: 'Admin scoped to Clients Rhône-Alpes (Élodie Martin)' },
          { value: 'operator', title: 'Operator, a host-defined role: reads the team (Nadia Benali)' },
          { value: 'technician', title: 'Technician, read-only (Hugo Moreau)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', viewer: 'owner' },
  parameters: {
    msw: { handlers: { usher: usherHandlers() } },
    layout: 'fullscreen',
    // Each component's docs page: props, both languages and themes, a phone, every state.
    docs: { page: UsherDocsPage },
    controls: { matchers: { date: /At$/ } },
    // Any axe violation fails the story's test (the vitest addon runs axe after each story).
    a11y: { test: 'error' },
  },
}

// Storybook reads the default export.
// biome-ignore lint/style/noDefaultExport: Storybook's configuration format
export default preview
