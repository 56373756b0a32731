import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'
import { connectDirectory, type Directory } from './support/scim'

let t: TestServer
let directory: Directory
const ids: Record<string, string> = {}
const tag = `${process.pid}x${Math.random().toString(36).slice(2, 6)}`

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
const people = [
  {
    key: 'ada',
    given: 'Ada',
    family: 'Lovelace',
    externalId: 'ext-ada',
    active: true,
    department: 'Research',
  },
  {
    key: 'alan',
    given: 'Alan',
    family: 'Turing',
    externalId: 'ext-alan',
    active: true,
    department: 'Research',
  },
  {
    key: 'grace',
    given: 'Grace',
    family: 'Hopper',
    externalId: 'ext-grace',
    active: false,
    department: 'Navy',
  },
]

beforeAll(async () => {
  t = await startTestServer()
  const org = await createTestOrg(t)
  directory = await connectDirectory(t, org, { invitations: 'none' })
  for (const p of people) {
    const created = await directory.request('POST', '/Users', {
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
        userName: `${p.key}.${tag}@lab.example`,
        externalId: p.externalId,
        name: { givenName: p.given, familyName: p.family },
        emails: [{ type: 'work', value: `${p.key}.${tag}@lab.example` }],
        active: p.active,
        [ENTERPRISE]: { department: p.department, employeeNumber: `E-${p.key}`, manager: { value: 'mgr-1' } },
      },
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    ids[p.key] = created.json.id
  }
})
afterAll(() => t.close())

/** The given names a filter finds among the three people (the owner has no externalId). */
async function found(filter: string): Promise<string[]> {
  const response = await directory.request('GET', `/Users?filter=${filter}`)
  expect(response.status, JSON.stringify(response.json)).toBe(200)
  expect(response.json.totalResults).toBe(response.json.Resources.length)
  return (response.json.Resources as Array<{ name: { givenName: string } }>)
    .map((r) => r.name.givenName)
    .sort()
}

describe('given three people pushed by a directory', () => {
  it('filters with eq, ne, co, sw, pr, and, or on the attributes directories use', async () => {
    expect(await found(`userName eq "ADA.${tag}@LAB.EXAMPLE"`)).toEqual(['Ada'])
    expect(await found(`externalId eq "ext-alan"`)).toEqual(['Alan'])
    expect(await found(`externalId eq "EXT-ALAN"`)).toEqual([]) // externalId is case-exact
    expect(await found(`emails[type eq "work"].value eq "grace.${tag}@lab.example"`)).toEqual(['Grace'])
    expect(await found(`emails[type eq "home"].value eq "grace.${tag}@lab.example"`)).toEqual([])
    expect(await found(`displayName eq "alan turing"`)).toEqual(['Alan'])
    expect(await found(`displayName co "o" and externalId pr`)).toEqual(['Ada', 'Grace'])
    expect(await found(`userName sw "a" and externalId pr`)).toEqual(['Ada', 'Alan'])
    expect(await found(`active eq false`)).toEqual(['Grace'])
    expect(await found(`active eq true and externalId pr`)).toEqual(['Ada', 'Alan'])
    expect(await found(`externalId ne "ext-ada" and externalId pr`)).toEqual(['Alan', 'Grace'])
    expect(await found(`externalId eq "ext-ada" or externalId eq "ext-grace"`)).toEqual(['Ada', 'Grace'])
    expect(await found(`${ENTERPRISE}:department eq "research"`)).toEqual(['Ada', 'Alan'])
    expect(await found(`not (active eq true) and externalId pr`)).toEqual(['Grace'])
  })

  it('pages with startIndex and count, with totalResults', async () => {
    const first = await directory.request('GET', '/Users?filter=externalId pr&startIndex=1&count=2')
    expect(first.json).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 })
    const second = await directory.request('GET', '/Users?filter=externalId pr&startIndex=3&count=2')
    expect(second.json).toMatchObject({ totalResults: 3, startIndex: 3, itemsPerPage: 1 })
    const ids1 = first.json.Resources.map((r: { id: string }) => r.id)
    expect(ids1).not.toContain(second.json.Resources[0].id)
    const none = await directory.request('GET', '/Users?count=0')
    expect(none.json.Resources).toEqual([])
    expect(none.json.totalResults).toBe(4)
  })

  it('answers only the attributes asked for, or all but the excluded ones', async () => {
    const some = await directory.request('GET', `/Users/${ids.ada}?attributes=userName,name.familyName`)
    expect(Object.keys(some.json).sort()).toEqual(['id', 'name', 'schemas', 'userName'])
    expect(some.json.name).toEqual({ familyName: 'Lovelace' })
    const less = await directory.request('GET', `/Users/${ids.ada}?excludedAttributes=emails,${ENTERPRISE}`)
    expect(less.json.emails).toBeUndefined()
    expect(less.json[ENTERPRISE]).toBeUndefined()
    expect(less.json.userName).toBe(`ada.${tag}@lab.example`)
    const all = await directory.request('GET', `/Users/${ids.ada}`)
    expect(all.json[ENTERPRISE]).toEqual({
      department: 'Research',
      employeeNumber: 'E-ada',
      manager: { value: 'mgr-1' },
    })
  })

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await directory.request('GET', '/ServiceProviderConfig')
    expect(config.json).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      etag: { supported: true },
    })
    const types = await directory.request('GET', '/ResourceTypes')
    expect(types.json.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group'])
    const schemas = await directory.request('GET', '/Schemas')
    expect(schemas.json.totalResults).toBe(3)
    expect((await directory.request('GET', `/Schemas/${ENTERPRISE}`)).json.name).toBe('EnterpriseUser')
  })
})
