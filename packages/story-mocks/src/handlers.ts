import { page, route } from './route'
import { authHandlers } from './story-auth'

/**
 * Every endpoint the components call, over the story's in-memory database: one `route` per row of
 * the contract's endpoint table, so each answers with that row's permission, schemas and status.
 */
export function usherHandlers(base?: string) {
  return [
    route('getMe', 'me', ({ db, viewer }) => db.me(viewer), base),
    route(
      'activateOrganization',
      'organization',
      ({ db, viewer, body }) => db.activate(viewer, body.name),
      base,
    ),
    // The mock API sends no mail: nothing ever failed to be delivered (a story answers its own).
    route('listMailProblems', 'organization', () => ({ items: [], total: 0, gaveUp: 0 }), base),
    route('listInboundEmailTokens', 'organization', ({ db }) => ({ tokens: db.inboundEmailTokens }), base),
    route(
      'createInboundEmailToken',
      'organization',
      ({ db, body }) => db.createInboundEmailToken(body.name),
      base,
    ),
    route(
      'revokeInboundEmailToken',
      'organization',
      ({ db, params }) => db.revokeInboundEmailToken(params.id),
      base,
    ),
    route('listRoles', 'roles', ({ db }) => ({ items: db.roleList() }), base),
    route('listGroups', 'groups', ({ db, viewer, query }) => page(db.visibleGroups(viewer), query), base),
    route(
      'listUsers',
      'users',
      ({ db, viewer, query }) => {
        const found = page(db.listUsers(viewer, query), query)
        return { ...found, items: found.items.map((u) => db.present(u)) }
      },
      base,
    ),
    route('countUsers', 'users', ({ db, viewer, query }) => db.countUsers(viewer, query), base),
    route('bulkUsers', 'bulkUsers', ({ db, viewer, body }) => db.bulkUsers(viewer, body), base),
    route('getUser', 'users', ({ db, viewer, params }) => db.present(db.findUser(viewer, params.id)), base),
    route(
      'updateUser',
      'updateUser',
      ({ db, viewer, params, body, ifMatch }) => db.updateUser(viewer, params.id, body, ifMatch),
      base,
    ),
    route('deleteUser', 'updateUser', ({ db, viewer, params }) => db.deleteUser(viewer, params.id), base),
    route('createGroup', 'groups', ({ db, viewer, body }) => db.createGroup(viewer, body), base),
    route(
      'updateGroup',
      'groups',
      ({ db, viewer, params, body, ifMatch }) => db.updateGroup(viewer, params.id, body, ifMatch),
      base,
    ),
    route('deleteGroup', 'groups', ({ db, viewer, params }) => db.deleteGroup(viewer, params.id), base),
    route('listGroupShares', 'shares', ({ db, viewer, params }) => db.groupShares(viewer, params.id), base),
    route('getUserShares', 'shares', ({ db, viewer, params }) => db.userShares(viewer, params.id), base),
    route(
      'replaceUserShares',
      'shares',
      ({ db, viewer, params, body, ifMatch }) => db.replaceShares(viewer, params.id, body.shares, ifMatch),
      base,
    ),
    route('bulkShares', 'bulkShares', ({ db, viewer, body }) => db.bulkShares(viewer, body), base),
    route(
      'createInvitations',
      'invitations',
      ({ db, viewer, body }) => db.createInvitations(viewer, body),
      base,
    ),
    route(
      'resendInvitation',
      'invitations',
      ({ db, viewer, params }) => db.resendInvitation(viewer, params.id),
      base,
    ),
    route(
      'revokeInvitation',
      'invitations',
      ({ db, viewer, params }) => db.revokeInvitation(viewer, params.id),
      base,
    ),
    ...authHandlers(base),
    route('createImport', 'imports', ({ db, viewer, body }) => db.createImport(viewer, body), base),
    route(
      'addImportChunk',
      'importChunks',
      ({ db, viewer, params, body }) => db.addImportChunk(viewer, params.id, body),
      base,
    ),
    route(
      'completeImport',
      'imports',
      ({ db, viewer, params }) => db.completeImport(viewer, params.id),
      base,
    ),
    route('getImport', 'imports', ({ db, viewer, params }) => db.importOf(viewer, params.id), base),
    route(
      'getImportReport',
      'imports',
      ({ db, viewer, params, query }) => page(db.importReport(viewer, params.id, query.status), query),
      base,
    ),
    route('cancelImport', 'imports', ({ db, viewer, params }) => db.cancelImport(viewer, params.id), base),
  ]
}
