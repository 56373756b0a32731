import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { createProblem, PROBLEM_CONTENT_TYPE } from '@usher/contract'

/** One request as the server received it, body read in full. */
export interface RecordedRequest {
  method: string
  /** The path without the query string: `/api/usher/users`. */
  path: string
  query: URLSearchParams
  /** Node's view: lower-case names. */
  headers: IncomingHttpHeaders
  /** The body parsed as JSON; `undefined` when empty, the raw text when not JSON. */
  body: unknown
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Sent as `application/json`, or `application/problem+json` for a status of 400 and above. */
  json?: unknown
  /** Sent as is, `text/plain` unless `headers` says otherwise. */
  text?: string
  /** Wait this long before answering (headers included). */
  delayMs?: number
}

/** `'drop'` destroys the socket without answering: a crashed proxy, a cut connection. */
export type Answer = Reply | 'drop'
export type Handler = Answer | ((request: RecordedRequest) => Answer | Promise<Answer>)

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /**
   * Queues an answer for `method path` (exact path, query ignored). Each request takes the next
   * queued handler; the last one keeps answering. Unmatched routes answer 404 problem+json.
   */
  on(method: string, path: string, handler: Handler): TestServer
  close(): Promise<void>
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler[]>()
  const requests: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })
  }

  function next(method: string, path: string): Handler | undefined {
    const queue = routes.get(key(method, path))
    if (!queue || queue.length === 0) return undefined
    return queue.length > 1 ? queue.shift() : queue[0]
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(raw),
    }
    requests.push(recorded)

    const handler = next(recorded.method, recorded.path)
    const answer: Answer = !handler
      ? {
          status: 404,
          json: createProblem('not_found', {
            detail: `No test route for ${recorded.method} ${recorded.path}.`,
          }),
        }
      : typeof handler === 'function'
        ? await handler(recorded)
        : handler

    if (answer === 'drop') {
      req.socket.destroy()
      return
    }
    if (answer.delayMs) await wait(answer.delayMs)
    // The client may have given up (abort, timeout) while we waited.
    if (res.destroyed || req.socket.destroyed) return

    const headers: Record<string, string> = {}
    let body = ''
    if (answer.json !== undefined) {
      headers['content-type'] = answer.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json'
      body = JSON.stringify(answer.json)
    } else if (answer.text !== undefined) {
      headers['content-type'] = 'text/plain; charset=utf-8'
      body = answer.text
    }
    Object.assign(headers, answer.headers)
    res.writeHead(answer.status, headers)
    res.end(body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`test server: ${String(error)}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const testServer: TestServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(method, path, handler) {
      const queue = routes.get(key(method, path)) ?? []
      queue.push(handler)
      routes.set(key(method, path), queue)
      return testServer
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
  return testServer
}

/**
 * Port 2 of 127.0.0.1 (compressnet): nothing runs it, and the OS never hands it out for
 * `listen(0)` (ephemeral ports start far above), so no test server can take it — unlike a port the
 * OS just handed out and took back. Port 1 would not do: fetch refuses it ("bad port") without
 * connecting, where this one is refused by the system (ECONNREFUSED), as a stopped server is.
 */
const REFUSED_PORT = 2

/** A URL whose connections are refused; checked first, so a machine where something listens there fails loudly. */
export async function closedPortUrl(): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(REFUSED_PORT, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      reject(new Error(`Something listens on 127.0.0.1:${REFUSED_PORT}; the tests need a port that refuses.`))
    })
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve() : reject(error),
    )
  })
  return `http://127.0.0.1:${REFUSED_PORT}`
}

/** A problem+json answer with the contract's title and status for `code`. */
export function problemReply(
  code: Parameters<typeof createProblem>[0],
  extra: Parameters<typeof createProblem>[1] = {},
  headers?: Record<string, string>,
): Reply {
  const problem = createProblem(code, extra)
  return { status: problem.status, json: problem, ...(headers ? { headers } : {}) }
}
