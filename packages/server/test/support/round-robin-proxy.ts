import { Agent, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RoundRobinProxy {
  url: string
  /** How many requests each target received, in the order given. */
  counts: number[]
  close(): Promise<void>
}

/**
 * The load balancer in front of several instances, as small as it gets: each request goes to the
 * next target in turn, method, path, headers and body passed through (the body read whole first,
 * so it can be sent again), the answer streamed back. A target that cannot be reached answers 502,
 * as a balancer would.
 */
export async function roundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const counts = targets.map(() => 0)
  let next = 0
  const server = createServer((incoming, outgoing) => {
    const index = next++ % targets.length
    counts[index] = (counts[index] ?? 0) + 1
    const target = new URL(incoming.url ?? '/', targets[index])
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const body = Buffer.concat(chunks)
      const send = (retry: boolean) => {
        const upstream = request(
          target,
          { method: incoming.method, headers: { ...incoming.headers, host: target.host }, agent },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(outgoing)
          },
        )
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // A kept-alive connection the instance closed as we reused it: the request never reached
          // it, so it is sent again once on a fresh connection, as balancers do.
          if (retry && upstream.reusedSocket && error.code === 'ECONNRESET') return send(false)
          if (!outgoing.headersSent) outgoing.writeHead(502)
          outgoing.end()
        })
        upstream.end(body)
      }
      send(true)
    })
  })
  server.keepAliveTimeout = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      agent.destroy()
    },
  }
}
