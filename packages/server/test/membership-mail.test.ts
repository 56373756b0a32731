import { describe, expect, it } from 'vitest'
import { renderMembershipAddedMail } from '../src/mail/membership-templates'

const input = {
  productName: 'Usher',
  organizationName: 'Atelier Durand',
  adderName: 'Claire <b>Martin</b>',
  firstName: 'Oliver',
  roleName: 'Technicien',
  link: 'https://app.example.com/sign-in',
}

describe('the notice of an existing account added at once', () => {
  it('says in French who added the account where, gender-neutral, with no-break spaces and ’', () => {
    const mail = renderMembershipAddedMail({ ...input, locale: 'fr' })
    expect(mail.subject).toBe('Claire <b>Martin</b> a ajouté votre compte à Atelier Durand sur Usher')
    expect(mail.text).toContain('Bonjour Oliver,')
    expect(mail.text).toContain('en tant que Technicien.')
    expect(mail.text).toContain('Se connecter\u00a0:\nhttps://app.example.com/sign-in')
    expect(mail.text).not.toMatch(/ [:;?!»]|« |'/)
    expect(mail.text).not.toMatch(/ajouté·e|ajoutée/)
    // The names are escaped in the HTML part.
    expect(mail.html).toContain('Claire &lt;b&gt;Martin&lt;/b&gt;')
    expect(mail.html).not.toContain('<b>Martin')
  })

  it('elides « de » before the organization when nobody is named', () => {
    const mail = renderMembershipAddedMail({ ...input, locale: 'fr', adderName: null })
    expect(mail.subject).toBe('Votre compte a été ajouté à Atelier Durand sur Usher')
    expect(mail.text).toContain('l’administration d’Atelier Durand')
  })

  it('says the same in English, with the sign-in link and nothing to accept', () => {
    const mail = renderMembershipAddedMail({ ...input, locale: 'en', roleName: 'Technician' })
    expect(mail.subject).toBe('Claire <b>Martin</b> added you to Atelier Durand on Usher')
    expect(mail.text).toContain('as Technician.')
    expect(mail.text).toContain('nothing to accept or register')
    expect(mail.text).toContain('Sign in:\nhttps://app.example.com/sign-in')
  })
})
