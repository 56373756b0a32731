import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `HOST_PAGE=tailwind-first` builds the page whose stylesheets come in the other order
// (tailwind-first.html); the smoke test builds both.
const page = process.env.HOST_PAGE === 'tailwind-first' ? 'tailwind-first.html' : 'index.html'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: page,
      onwarn(warning, warn) {
        // @usher/react starts with "use client" (for Next.js); meaningless in a Vite bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
})
