import { randomUUID } from 'node:crypto'
import type { UsherServer } from '@usher/server'

export interface WorldOptions {
  seats?: number | null
  /** How many extra technicians to create (active). */
  technicians?: number
}

export interface World {
  orgId: string
  tokens: { owner: string; admin: string; technician: string }
  users: { owner: string; admin: string; technician: string }
  groups: { paris: string; lyon: string; parisNord: string }
}

/** A fresh organization for one test: runs on the Node side (global setup), reached over HTTP. */
export async function createWorld(usher: UsherServer, options: WorldOptions = {}): Promise<World> {
  const tag = randomUUID().slice(0, 8)
  const { organization, owner } = await usher.provision.createOrganization({
    name: `Atelier ${tag}`,
    settings: {
      seats: options.seats ?? null,
      contactTopics: [
        { key: 'billing', label: 'Billing' },
        { key: 'alerts', label: 'Alerts' },
      ],
    },
    owner: {
      email: `camille.durand.${tag}@atelier.test`,
      firstName: 'Camille',
      lastName: 'Durand',
      locale: 'fr',
    },
  })
  const ownerToken = await usher.provision.token({
    userId: owner.id,
    orgId: organization.id,
    expiresInSeconds: 3600,
  })
  const call = async <T>(method: string, path: string, body: unknown, token = ownerToken): Promise<T> => {
    const res = await usher.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const paris = await call<{ id: string }>('POST', '/groups', { name: 'Clients Paris' })
  const parisNord = await call<{ id: string }>('POST', '/groups', { name: 'Paris Nord', parentId: paris.id })
  const lyon = await call<{ id: string }>('POST', '/groups', { name: 'Clients Lyon' })
  const create = (firstName: string, lastName: string, role: string, groupIds: string[]) =>
    call<{ id: string }>('POST', '/users', {
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${tag}@atelier.test`
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/\s+/g, '-'),
      role,
      groupIds,
      password: 'correct horse battery staple 42',
      mustChangePassword: false,
    })
  const admin = await create('Élodie', 'Martin', 'admin', [paris.id])
  const technician = await create('Hugo', 'Moreau', 'technician', [parisNord.id])
  for (let i = 0; i < (options.technicians ?? 0); i++)
    await create('Tech', `Numero ${'abcdefghij'[i % 10]}${i}`, 'technician', [lyon.id])
  const token = (userId: string) =>
    usher.provision.token({ userId, orgId: organization.id, expiresInSeconds: 3600 })
  return {
    orgId: organization.id,
    tokens: { owner: ownerToken, admin: await token(admin.id), technician: await token(technician.id) },
    users: { owner: owner.id, admin: admin.id, technician: technician.id },
    groups: { paris: paris.id, lyon: lyon.id, parisNord: parisNord.id },
  }
}
