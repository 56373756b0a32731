import { usher } from '../../../lib/usher'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

// The signed-in user's Usher token. A real host reads its own session here and signs a token
// for that user (`signHostToken` of @usher/server, or its own JWT library); this example signs
// everyone in as the owner of one organization, created on the first call.
let owner: Promise<{ userId: string; orgId: string }> | undefined

export async function GET() {
  owner ??= usher.provision
    .createOrganization({
      name: 'Atelier Durand',
      owner: { email: 'camille.durand@atelier-durand.example', firstName: 'Camille', lastName: 'Durand' },
    })
    .then(({ organization, owner }) => ({ userId: owner.id, orgId: organization.id }))
  return Response.json({ token: await usher.provision.token(await owner) })
}
