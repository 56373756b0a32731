import { Hono } from 'hono'
import { usher } from '../../../../lib/usher'

// PGlite, argon2 and node-postgres need Node.js, not the Edge runtime.
export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

// Next.js hands over the full path (/api/usher/users): mount Usher under the same prefix.
// Unknown paths under it get Usher's 404 problem.
const app = new Hono().route('/api/usher', usher).all('/api/usher/*', (c) => usher.fetch(c.req.raw))

const handler = (request: Request) => app.fetch(request)

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT }
