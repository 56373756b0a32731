import type { ImportRowResult, User } from '@usher/contract'
import { makeMe, makeUsers } from '@usher/fixtures'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createUsherClient, type UsherClientOptions } from '../src/index'
import { problemReply, type RecordedRequest, startTestServer, type TestServer } from './support/test-server'

const users = makeUsers(7)
const me = makeMe(users)
const importId = '0b0f4c9e-6a51-4e2b-9d3a-5c6f7a8b9c0d'
const reportRows: ImportRowResult[] = users.map((user, index) => ({
  line: index + 2,
  email: user.email,
  status: index % 3 === 0 ? 'failed' : 'created',
  userId: index % 3 === 0 ? null : user.id,
  error: index % 3 === 0 ? { code: 'email_taken', message: 'Already a member.' } : null,
}))

/** Answers `pages` in turn: the first page without a cursor, then the page its cursor names. */
function paged<T>(pages: T[][]): (request: RecordedRequest) => { status: number; json: unknown } {
  return (request) => {
    const cursor = request.query.get('cursor')
    const index = cursor === null ? 0 : Number(cursor.replace('page-', ''))
    const items = pages[index] ?? []
    return {
      status: 200,
      json: { items, nextCursor: index + 1 < pages.length ? `page-${index + 1}` : null },
    }
  }
}

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

const clientFor = (extra: Partial<UsherClientOptions> = {}) =>
  createUsherClient({ baseUrl: server.url, token: 'tok', retry: { delay: () => 20 }, ...extra })

describe('given users spread over 3 pages', () => {
  it('users.listAll yields every user in order, passing each cursor back, and stops at nextCursor: null', async () => {
    server.on('GET', '/users', paged([users.slice(0, 3), users.slice(3, 6), users.slice(6)]))

    const seen: User[] = []
    for await (const user of clientFor().users.listAll({ status: ['active', 'invited'], limit: 3 })) {
      seen.push(user)
    }

    expect(seen).toEqual(users)
    expect(server.requests.map((r) => r.query.get('cursor'))).toEqual([null, 'page-1', 'page-2'])
    for (const request of server.requests) {
      expect(request.query.getAll('status')).toEqual(['active', 'invited'])
      expect(request.query.get('limit')).toBe('3')
    }
  })

  it('stops fetching when the loop breaks early', async () => {
    server.on('GET', '/users', paged([users.slice(0, 3), users.slice(3, 6), users.slice(6)]))

    const seen: string[] = []
    for await (const user of clientFor().users.listAll({ limit: 3 })) {
      seen.push(user.id)
      if (seen.length === 4) break
    }
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(seen).toEqual(users.slice(0, 4).map((u) => u.id))
    expect(server.requests).toHaveLength(2)
  })

  it('fetches nothing until iterated', async () => {
    server.on('GET', '/users', paged([users]))

    const all = clientFor().users.listAll()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.requests).toHaveLength(0)

    const iterator = all[Symbol.asyncIterator]()
    await iterator.next()
    expect(server.requests).toHaveLength(1)
  })
})

describe('given an import report over 2 pages', () => {
  it('imports.report.listAll walks /imports/:id/rows with the filter on every page', async () => {
    const failed = reportRows.filter((row) => row.status === 'failed')
    server.on('GET', `/imports/${importId}/rows`, paged([failed.slice(0, 2), failed.slice(2)]))

    const seen: ImportRowResult[] = []
    for await (const row of clientFor().imports.report.listAll(importId, { status: 'failed', limit: 2 })) {
      seen.push(row)
    }

    expect(seen).toEqual(failed)
    expect(server.requests.map((r) => [r.path, r.query.get('status'), r.query.get('cursor')])).toEqual([
      [`/imports/${importId}/rows`, 'failed', null],
      [`/imports/${importId}/rows`, 'failed', 'page-1'],
    ])
  })
})

describe('given an AbortSignal already aborted', () => {
  it('rejects with an AbortError and sends nothing', async () => {
    server.on('GET', '/me', { status: 200, json: me })
    const controller = new AbortController()
    controller.abort()

    const promise = clientFor().me.get({ signal: controller.signal })

    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
    await expect(promise).rejects.toBe(controller.signal.reason)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.requests).toHaveLength(0)
  })
})

describe('given a slow answer', () => {
  it('rejects with the signal’s reason as soon as the caller aborts', async () => {
    server.on('GET', '/me', { status: 200, json: me, delayMs: 2000 })
    const controller = new AbortController()
    const reason = new Error('The user left the page.')
    const outcome = expect(clientFor().me.get({ signal: controller.signal })).rejects.toBe(reason)
    // Abort once the request is on the wire (a fixed delay raced the request on a loaded machine).
    await vi.waitFor(() => expect(server.requests).toHaveLength(1))
    controller.abort(reason)

    // Had the abort not cut the request, the answer would have come (2 s later) and resolved the call.
    await outcome
    expect(server.requests).toHaveLength(1)
  })

  it('stops a listAll walk mid-way with the signal’s reason', async () => {
    const pages = [users.slice(0, 3), users.slice(3)]
    server
      .on('GET', '/users', paged(pages))
      .on('GET', '/users', { status: 200, json: { items: pages[1], nextCursor: null }, delayMs: 2000 })
    const controller = new AbortController()
    const reason = new Error('Closed the dialog.')

    const seen: string[] = []
    const walk = async () => {
      for await (const user of clientFor().users.listAll({}, { signal: controller.signal })) {
        seen.push(user.id)
        if (seen.length === 3) setTimeout(() => controller.abort(reason), 50)
      }
    }

    await expect(walk()).rejects.toBe(reason)
    expect(seen).toHaveLength(3)
  })
})

describe('given a retry wait in progress', () => {
  it.each([
    ['without hooks', {}],
    ['with an afterResponse hook', { hooks: { afterResponse: [() => undefined] } }],
  ])(
    'stops waiting and does not retry once the caller aborts (%s)',
    async (_, extra: Partial<UsherClientOptions>) => {
      const controller = new AbortController()
      const reason = new Error('Cancelled.')
      server
        .on('GET', '/me', () => {
          // Abort once this 503 is in, while the client waits 5 s before its retry.
          setTimeout(() => controller.abort(reason), 50)
          return problemReply('service_unavailable')
        })
        .on('GET', '/me', { status: 200, json: me })
      const client = clientFor({ retry: { delay: () => 5000 }, ...extra })

      // Had the wait gone on, the retry would have met the 200 and resolved the call.
      await expect(client.me.get({ signal: controller.signal })).rejects.toBe(reason)

      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(server.requests).toHaveLength(1)
    },
  )
})
