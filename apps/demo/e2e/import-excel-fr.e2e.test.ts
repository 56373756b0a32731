import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

/** The French workbook of @usher/fixtures: people on its first sheet, notes on a second one. */
const WORKBOOK = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../packages/fixtures/import-files/excel-fr.xlsx',
)

/** French typography puts no-break spaces inside « » and before « : »: any space matches. */
const fr = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'))

describe('importing a French Excel workbook', () => {
  it('journey: the owner of Atelier Durand imports the workbook in French: columns recognised, unknown groups named then created, one row refused on its role, the rest imported', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'import-excel-fr', ['page'], async ({ page }) => {
      page.setDefaultTimeout(20_000)
      await actAs(page, ctx, '/settings/users', 'Atelier Durand Maintenance', 'Camille Durand — Owner')
      await page.getByRole('radio', { name: 'Français' }).check()
      await page.getByRole('button', { name: 'Importer…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Importer des utilisateurs' })
      // The workbook is read in the browser: read-excel-file arrives as its own chunk now.
      await dialog.getByLabel('Choisir un fichier').setInputFiles(WORKBOOK)

      // Columns: every French header recognised, the one the importer does not know named.
      await dialog.getByText(fr('1 colonne est ignorée : « Remarques internes ».')).waitFor()
      const sheet = dialog.getByRole('combobox', { name: 'Feuille à importer' })
      expect(await sheet.inputValue()).toBe('Personnes')
      expect(await sheet.locator('option').allTextContents()).toEqual(['Personnes', 'Lisez-moi'])
      expect(
        await dialog.getByRole('combobox', { name: fr('Champ de la colonne « Groupes »') }).inputValue(),
      ).toBe('groupId')
      expect(await axeViolations(page)).toEqual([])
      await dialog.getByRole('button', { name: 'Suivant' }).click()

      // Check: the groups this organization lacks are named on their rows, the unknown role too.
      await dialog.getByText(fr('Ligne 5, Rôle : Rôle « Superviseur » inconnu.')).waitFor()
      await dialog.getByText(fr('Ligne 4, Groupes : Groupe « Clients Nord » inconnu.')).waitFor()
      const preview = dialog.getByRole('table', { name: 'Premières lignes du fichier' })
      await preview.getByRole('cell', { name: 'Désactivé' }).first().waitFor()
      expect(await preview.getByRole('cell', { name: 'Administrateur' }).count()).toBe(1)
      await dialog.getByRole('button', { name: fr('Créer ces 4 groupes') }).click()
      await dialog.getByText(fr('4 lignes valides, 1 avec des erreurs.')).waitFor()
      await dialog
        .getByText(fr('1 personne sera importée désactivée (sans e-mail d’invitation, sans poste).'))
        .waitFor()
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'import-excel-fr-check')

      await dialog.getByRole('button', { name: 'Importer 4 lignes' }).click()
      await dialog.getByText('Importation terminée.').waitFor()
      expect(await dialog.locator('[data-slot="import-users-summary"]').textContent()).toContain('Créés4')
      const download = dialog.getByRole('link', { name: /Télécharger les lignes à corriger/ })
      const href = decodeURIComponent((await download.getAttribute('href')) ?? '')
      expect(href).toMatch(fr('Rôle : Rôle « Superviseur » inconnu.'))
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'import-excel-fr-summary')
      // The footer's Close (the frame has its own in the corner).
      await dialog.getByRole('button', { name: 'Fermer' }).last().click()

      // The people are in the table; the disabled one says so.
      const table = page.getByRole('table', { name: 'Utilisateurs' })
      for (const name of ['Léa Petit', 'Marc Roux', 'Inès Bonnet', 'Zoé Lefèvre']) {
        await table.getByText(name).first().waitFor()
      }
      expect(await table.getByText('Louis Faure').count()).toBe(0)
    })
  })
})
