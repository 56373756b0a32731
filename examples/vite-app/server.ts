// The host: its pages and its token endpoint on one origin (PORT), the Usher API on another
// (USHER_PORT) that allows the pages' origin through the cors option — as with an API on
// api.example.com and the app on app.example.com.
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createUsherServer } from '@usher/server'
import { Hono } from 'hono'

const port = Number(process.env.PORT ?? 5180)
const usherPort = Number(process.env.USHER_PORT ?? 4318)
const pages = `http://127.0.0.1:${port}`

const usher = createUsherServer({
  database: { dataDir: 'memory://' },
  auth: { secret: process.env.USHER_JWT_SECRET ?? 'example-only-secret-example-only-secret-0123' },
  cors: { origins: [pages, `http://localhost:${port}`] },
})
serve({ fetch: usher.fetch, port: usherPort, hostname: '127.0.0.1' })

// The signed-in user: a real host reads its session; this one signs everyone in as the owner.
const owner = usher.ready.then(async () => {
  const { organization, owner } = await usher.provision.createOrganization({
    name: 'Atelier Durand',
    owner: { email: 'camille.durand@atelier-durand.example', firstName: 'Camille', lastName: 'Durand' },
  })
  return { userId: owner.id, orgId: organization.id }
})

const app = new Hono()
  .get('/api/usher-token', async (c) => c.json({ token: await usher.provision.token(await owner) }))
  .use('/*', serveStatic({ root: './dist' }))
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Vite example on ${pages} (Usher API on http://127.0.0.1:${usherPort})`),
)
