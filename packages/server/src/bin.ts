#!/usr/bin/env node
/** Standalone Usher API: `usher-server` (serve) or `usher-server seed`. Configured from the environment. */
import { serve } from '@hono/node-server'
import { createUsherServer } from './app/create-usher-server'

const port = Number(process.env.PORT ?? 4318)
const usher = createUsherServer({ database: { dataDir: process.env.USHER_DATA_DIR } })
await usher.ready
serve({ fetch: usher.fetch, port }, (info) => {
  console.log(`Usher API on http://localhost:${info.port}`)
})
