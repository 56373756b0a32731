import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { type E2eContext, rowName } from './support'

export interface Labels {
  language: string
  row: string
  firstName: string
  lastName: string
  email: string
  role: string
  administrator: string
  technician: string
  addRow: RegExp
  send: string
  mailbox: RegExp
  sent: RegExp
  users: string
  usersTable: string
  invited: string
}

export const en: Labels = {
  language: 'English',
  row: 'row',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  role: 'Role',
  administrator: 'Administrator',
  technician: 'Technician',
  addRow: /Add another person/,
  send: 'Send invitations',
  mailbox: /Shared mailbox/i,
  sent: /sent|invitation/i,
  users: 'Users',
  usersTable: 'Users',
  invited: 'Invited',
}

export const fr: Labels = {
  language: 'Français',
  row: 'ligne',
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'E-mail',
  role: 'Rôle',
  administrator: 'Administrateur',
  technician: 'Technicien',
  addRow: /Ajouter une personne/,
  send: 'Envoyer les invitations',
  mailbox: /Boîte partagée/i,
  sent: /invitation/i,
  users: 'Utilisateurs',
  usersTable: 'Utilisateurs',
  invited: 'Invité',
}

const people = [
  { first: 'Agnès', last: 'Morel', email: 'agnes.morel@atelier-durand.example', admin: true },
  {
    first: 'Hugo',
    last: 'Lefebvre',
    email: 'maintenance@atelier-durand.example',
    fixed: 'hugo.lefebvre@atelier-durand.example',
  },
  { first: 'Inès', last: 'Garnier', email: 'ines.garnier@atelier-durand.example' },
]

/** Journey 1 (and 6): the owner of Atelier Durand (8 seats, 6 used) invites three people in one form. */
export async function inviteJourney(ctx: E2eContext, page: Page, l: Labels) {
  page.setDefaultTimeout(15_000)
  await page.goto(`${ctx.demo.url}/settings/invite`)
  await page
    .getByRole('combobox', { name: /Organi[sz]ation/ })
    .selectOption({ label: 'Atelier Durand Maintenance' })
  await page.getByRole('radio', { name: l.language }).check()
  const form = page.getByRole('form')
  await form.getByRole('textbox', { name: rowName(l.firstName, l.row, 1) }).waitFor()
  for (const [i, person] of people.entries()) {
    const n = i + 1
    if (n > 1) await form.getByRole('button', { name: l.addRow }).click()
    await form.getByRole('textbox', { name: rowName(l.firstName, l.row, n) }).fill(person.first)
    await form.getByRole('textbox', { name: rowName(l.lastName, l.row, n) }).fill(person.last)
    await form.getByRole('textbox', { name: rowName(l.email, l.row, n) }).fill(person.email)
    await form
      .getByRole('combobox', { name: rowName(l.role, l.row, n) })
      .selectOption({ label: person.admin ? l.administrator : l.technician })
    // Leave the row first: its check on blur may move the buttons below it mid-click.
    await page.keyboard.press('Tab')
  }
  await form.getByRole('button', { name: l.send }).click()
  // The shared mailbox is refused on its row, with nothing sent.
  const mailboxField = form.getByRole('textbox', { name: rowName(l.email, l.row, 2) })
  await expect.poll(() => mailboxField.getAttribute('aria-invalid')).toBe('true')
  await expect.poll(() => form.getByText(l.mailbox).count()).toBeGreaterThan(0)
  await mailboxField.fill(people[1]?.fixed ?? '')
  await form.getByRole('button', { name: l.send }).click()
  await page.getByRole('status').filter({ hasText: l.sent }).first().waitFor()

  await page.getByRole('navigation').getByRole('link', { name: l.users }).click()
  const table = page.getByRole('table', { name: l.usersTable })
  for (const person of people) {
    const row = table.getByRole('row').filter({ hasText: `${person.first} ${person.last}` })
    await row.waitFor()
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(new RegExp(l.invited))
  }
}
