import type { StorybookConfig } from '@storybook/react-vite'

// Storybook for designers: the stories sit next to each component of @usher/react; data comes
// from MSW handlers over an in-memory API (packages/story-mocks), so the static
// build works from any host with no backend.
export const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  // The components' stories, and the design tokens page beside this file.
  stories: ['../packages/react/src/**/*.stories.tsx', './*.stories.tsx'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  // The MSW worker (`msw init .storybook/public --save`), served at the site's root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    viteConfig.build ??= {}
    viteConfig.build.rollupOptions ??= {}
    // Radix and react-query ship "use client" directives: harmless in a client bundle.
    const previous = viteConfig.build.rollupOptions.onwarn
    viteConfig.build.rollupOptions.onwarn = (warning, warn) => {
      if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
      if (previous) previous(warning, warn)
      else warn(warning)
    }
    return viteConfig
  },
}

// Storybook reads the default export.
// biome-ignore lint/style/noDefaultExport: Storybook's configuration format
export default config
