/**
 * The import wizard's work in a real browser (Debian's headless chromium, driven by
 * playwright-core), on the built package bundled for the browser with esbuild:
 * - a 50,000-row French Excel-style CSV (BOM, semicolons, CRLF, a quoted cell, 10 columns with
 *   a role, a group and the enabled flag): parseImportFile + applyMapping + validateImportRows;
 * - a 10,000-row .xlsx of the same columns (written with write-excel-file): the same three steps,
 *   the workbook read by read-excel-file.
 * Median of RUNS runs after a warm-up, each step timed apart so the notes say what dominates.
 * Budgets in milliseconds: 1,000 for the CSV, 2,000 for the workbook.
 */
import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs'

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ROOT = resolve(PACKAGE_DIR, '../..')
const RUNS = 5
export const IMPORT_BROWSER_BUDGETS = { csv50k: 1_000, xlsx10k: 2_000 }

const HEADERS = [
  'Civilité',
  'Prénom',
  'Nom',
  'Adresse e-mail',
  'Téléphone',
  'Service',
  'Fonction',
  'Rôle',
  'Groupes',
  'Actif',
]
function person(i) {
  return [
    i % 2 ? 'Madame' : 'M.',
    `Élodie${i}`,
    'Martin-Dupré',
    `elodie.martin${i}@exemple.fr`,
    `+33 1 23 45 ${String(i % 100).padStart(2, '0')} 89`,
    'Support; niveau 2',
    'Technicienne',
    i % 10 ? 'Technicien' : 'Administrateur',
    i % 3 ? 'Clients Paris' : 'clients paris | Paris Nord',
    i % 7 ? 'oui' : 'non',
  ]
}
const cell = (v) => (v.includes(';') ? `"${v}"` : v)
function csv(rows) {
  const lines = [HEADERS.join(';')]
  for (let i = 1; i <= rows; i++) lines.push(person(i).map(cell).join(';'))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
async function xlsx(rows) {
  const { default: writeXlsxFile } = await import(
    pathToFileURL(join(ROOT, 'packages/fixtures/node_modules/write-excel-file/node/index.js')).href
  )
  const data = [HEADERS, ...Array.from({ length: rows }, (_, i) => person(i + 1))]
  return Buffer.from(await writeXlsxFile(data).toBuffer())
}

/** The page's code: the SDK's three steps, timed apart, against the test world's groups and roles. */
const ENTRY = `
import { applyMapping, parseImportFile, validateImportRows } from '@usher/sdk'
import { BUILT_IN_ROLE_CATALOG } from '@usher/contract'
const groups = [{ id: 'g-paris', name: 'Clients Paris' }, { id: 'g-nord', name: 'Paris Nord' }]
window.runImport = async (input, expected) => {
  const t0 = performance.now()
  const parsed = await parseImportFile(input)
  const t1 = performance.now()
  const mapped = applyMapping(parsed, parsed.mapping, { groups, roles: BUILT_IN_ROLE_CATALOG })
  const t2 = performance.now()
  const validation = validateImportRows(mapped, { roles: { catalog: BUILT_IN_ROLE_CATALOG, actorRole: 'owner' } })
  const t3 = performance.now()
  if (validation.validCount !== expected) throw new Error(validation.validCount + ' of ' + expected + ' rows valid')
  return { parse: t1 - t0, map: t2 - t1, validate: t3 - t2, total: t3 - t0 }
}
`

export async function importBrowserEntries(pkg) {
  execFileSync('node', [join(ROOT, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' })
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: PACKAGE_DIR, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>import bench</title>')
    await page.addScriptTag({ content: bundle.outputFiles[0].text })
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const measure = async (make) => {
      const runs = []
      for (let run = 0; run <= RUNS; run++) {
        const times = await make()
        if (run > 0) runs.push(times) // the first run warms the JIT and loads nothing twice
      }
      return Object.fromEntries(
        ['parse', 'map', 'validate', 'total'].map((k) => [k, Math.round(median(runs.map((r) => r[k])))]),
      )
    }
    const csvText = csv(50_000)
    const csvTimes = await measure(() =>
      page.evaluate(([text]) => window.runImport(new File([text], 'personnes.csv'), 50_000), [csvText]),
    )
    const workbook = (await xlsx(10_000)).toString('base64')
    const xlsxTimes = await measure(() =>
      page.evaluate(
        ([b64]) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
          return window.runImport(new File([bytes], 'personnes.xlsx'), 10_000)
        },
        [workbook],
      ),
    )
    const entry = (name, times, budget, what, size) => ({
      package: pkg,
      name,
      value: times.total,
      unit: 'ms',
      budget,
      pass: times.total <= budget,
      notes:
        `Chromium, median of ${RUNS}: ${what} ${times.parse} ms, mapping ${times.map} ms, ` +
        `validation (importRowSchema, roles, groups, duplicates) ${times.validate} ms; ${size}`,
    })
    return [
      entry(
        'In Chromium: 50,000-row CSV, parse + map + validate, median',
        csvTimes,
        IMPORT_BROWSER_BUDGETS.csv50k,
        'parse (decode, PapaParse, line numbers)',
        `${Math.round(csvText.length / 1024)} kB of CSV`,
      ),
      entry(
        'In Chromium: 10,000-row .xlsx, read + map + validate, median',
        xlsxTimes,
        IMPORT_BROWSER_BUDGETS.xlsx10k,
        'read (read-excel-file: unzip, XML)',
        `${Math.round((workbook.length * 3) / 4 / 1024)} kB workbook`,
      ),
    ]
  } finally {
    await browser.close()
  }
}

// Run alone: `node bench/import-browser.mjs` prints the figures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await importBrowserEntries('@usher/sdk'))
}
