// @vitest-environment node
import { createUsherClient } from '@usher/sdk'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

describe('the joining components in a server render (no DOM)', () => {
  it('render without touching window', async () => {
    const usher = await import('../../index')
    const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })
    const html = renderToString(
      <usher.UsherProvider client={client} locale="fr">
        <usher.AcceptInvitation token={'A'.repeat(43)} />
        <usher.SignInForm />
        <usher.PasswordResetForm />
        <usher.PasswordResetForm token={'B'.repeat(43)} />
      </usher.UsherProvider>,
    )
    expect(html).toContain('Vérification de votre invitation')
    expect(html).toContain('Se connecter')
    expect(html).toContain('Envoyer le lien')
    expect(html).toContain('Vérification de votre lien')
  })
})
