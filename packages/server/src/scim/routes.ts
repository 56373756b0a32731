import { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { listResponse, resourceTypes, schemas, serviceProviderConfig } from './discovery'
import { notFound, ScimError } from './errors'
import { registerScimGroupRoutes } from './group-routes'
import { scimHandler } from './handle'
import { registerManagementRoutes } from './management-routes'
import { registerScimUserRoutes } from './user-routes'

/**
 * Directory sync: the SCIM 2.0 service provider (RFC 7643, RFC 7644) under `/scim/v2` of the
 * server's mount, for Microsoft Entra ID and Okta, and the owner's management endpoints (tokens,
 * settings, the request log) of the endpoint table.
 */
export function registerDirectorySyncRoutes(app: Hono<UsherEnv>) {
  registerManagementRoutes(app)
  const scim = new Hono<UsherEnv>()
  scim.get(
    '/ServiceProviderConfig',
    scimHandler('discovery', async ({ base }) => ({ status: 200, body: serviceProviderConfig(base) })),
  )
  scim.get(
    '/ResourceTypes',
    scimHandler('discovery', async ({ base }) => {
      const types = resourceTypes(base)
      return { status: 200, body: listResponse(types, types.length, 1) }
    }),
  )
  scim.get(
    '/ResourceTypes/:id',
    scimHandler('discovery', async ({ c, base }) => {
      const found = resourceTypes(base).find((t) => t.id === (c.req.param('id') ?? ''))
      if (!found) throw notFound('ResourceType', c.req.param('id') ?? '')
      return { status: 200, body: found }
    }),
  )
  scim.get(
    '/Schemas',
    scimHandler('discovery', async ({ base }) => {
      const all = schemas(base)
      return { status: 200, body: listResponse(all, all.length, 1) }
    }),
  )
  scim.get(
    '/Schemas/:id',
    scimHandler('discovery', async ({ c, base }) => {
      const found = schemas(base).find((s) => s.id === (c.req.param('id') ?? ''))
      if (!found) throw notFound('Schema', c.req.param('id') ?? '')
      return { status: 200, body: found }
    }),
  )
  registerScimUserRoutes(scim)
  registerScimGroupRoutes(scim)
  scim.post(
    '/Bulk',
    scimHandler('discovery', async () => {
      throw new ScimError(
        501,
        'Bulk operations are not supported (ServiceProviderConfig: bulk.supported false).',
      )
    }),
  )
  scim.all(
    '*',
    scimHandler('discovery', async ({ c }) => {
      throw new ScimError(404, `No SCIM endpoint ${c.req.method} ${new URL(c.req.url).pathname}.`)
    }),
  )
  app.route('/scim/v2', scim)
}
