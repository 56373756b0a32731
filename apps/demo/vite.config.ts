import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // One React and one react-query cache for the app and @usher/react (a linked workspace package).
  resolve: { dedupe: ['react', 'react-dom', '@tanstack/react-query'] },
  // @usher/react is linked, so Vite serves it as source and finds its dependencies only when a
  // page imports them, then re-bundles and reloads: listing them makes the first load the last.
  optimizeDeps: {
    include: [
      '@usher/react > @hookform/resolvers/zod',
      '@usher/react > @tanstack/react-virtual',
      '@usher/react > radix-ui',
      '@usher/react > react-hook-form',
      '@usher/react > zod',
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One bundle is fine for a demo on localhost (React, radix-ui, zod, the components).
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // @usher/react and radix-ui start with "use client" (for Next.js); meaningless in a Vite bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
})
