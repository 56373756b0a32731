import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUsherClient, isUsherApiError } from '../src/index'
import { fileNameOf } from '../src/resources/exports'
import { problemReply, startTestServer, type TestServer } from './support/test-server'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

describe('given a client exporting the members', () => {
  it('sends the search as the list does and hands back the file with the name the server gave', async () => {
    server.on('GET', '/users/export', {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition':
          'attachment; filename="equipe-sud-membres-2026-12-01.csv"; filename*=UTF-8\'\'%C3%A9quipe-sud-membres-2026-12-01.csv',
      },
      text: '\uFEFFNom;E-mail\r\nCamille Durand;camille@acme.test\r\n',
    })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })
    const file = await client.exports?.users({
      status: ['active'],
      delimiter: ';',
      locale: 'fr',
      sort: '-name',
    })

    const [request] = server.requests
    expect(request?.query.getAll('status')).toEqual(['active'])
    expect(request?.query.get('delimiter')).toBe(';')
    expect(request?.query.get('sort')).toBe('-name')
    expect(request?.headers.accept).toContain('text/csv')
    expect(file?.fileName).toBe('équipe-sud-membres-2026-12-01.csv')
    expect(file?.contentType).toBe('text/csv; charset=utf-8')
    expect(await file?.blob.text()).toContain('Camille Durand;camille@acme.test')
  })

  it('throws the API error when the server refuses', async () => {
    server.on('GET', '/users/export', problemReply('forbidden'))
    const client = createUsherClient({ baseUrl: server.url, token: 'tok', retry: 0 })
    const error = await client.exports?.users().catch((e: unknown) => e)
    expect(isUsherApiError(error) && error.code).toBe('forbidden')
  })
})

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameOf('attachment; filename="a.csv"; filename*=UTF-8\'\'%C3%A9.csv', 'x')).toBe('é.csv')
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv')
    expect(fileNameOf('attachment; filename=b.csv', 'x')).toBe('b.csv')
    expect(fileNameOf(null, 'x')).toBe('x')
  })
})
